namespace Controller.Hardware.Devices.ForceTorque;

/// <summary>
/// The tool hanging on the sensor (gripper, fingers, a held part): its mass and centre of mass in the sensor's frame.
/// Its weight is what <see cref="ForceTorqueSensor"/> subtracts when gravity compensation is on.
/// </summary>
/// <param name="MassKg">Mass (kg, ≥ 0).</param>
/// <param name="CentreOfMassXM">Centre of mass, x in the sensor frame (m).</param>
/// <param name="CentreOfMassYM">Centre of mass, y in the sensor frame (m).</param>
/// <param name="CentreOfMassZM">Centre of mass, z in the sensor frame (m).</param>
public sealed record ToolPayload(double MassKg, double CentreOfMassXM, double CentreOfMassYM, double CentreOfMassZM)
{
    /// <summary>No tool: nothing to compensate.</summary>
    public static ToolPayload None { get; } = new(0, 0, 0, 0);

    /// <summary>Throws unless the mass is finite and ≥ 0 and the centre of mass is finite and within 2 m of the sensor.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The bad value, named, with the allowed range.</exception>
    public void Validate()
    {
        if (!(MassKg >= 0) || double.IsInfinity(MassKg))
            throw new ArgumentOutOfRangeException(nameof(MassKg), MassKg, "tool payload mass must be finite and ≥ 0 kg.");
        Check(CentreOfMassXM, nameof(CentreOfMassXM));
        Check(CentreOfMassYM, nameof(CentreOfMassYM));
        Check(CentreOfMassZM, nameof(CentreOfMassZM));
    }

    private static void Check(double value, string name)
    {
        if (!(Math.Abs(value) <= 2))
            throw new ArgumentOutOfRangeException(name, value, "tool centre of mass must be finite and within ±2 m of the sensor origin.");
    }
}
