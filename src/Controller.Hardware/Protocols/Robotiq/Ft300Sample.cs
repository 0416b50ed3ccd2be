namespace Controller.Hardware.Protocols.Robotiq;

/// <summary>One FT 300 reading as raw signed counts (forces in 1/100 N, moments in 1/1000 N·m), with SI conversions.</summary>
/// <param name="ForceX">Fx counts.</param>
/// <param name="ForceY">Fy counts.</param>
/// <param name="ForceZ">Fz counts.</param>
/// <param name="TorqueX">Mx counts.</param>
/// <param name="TorqueY">My counts.</param>
/// <param name="TorqueZ">Mz counts.</param>
public readonly record struct Ft300Sample(short ForceX, short ForceY, short ForceZ, short TorqueX, short TorqueY, short TorqueZ)
{
    /// <summary>Fx (N).</summary>
    public double ForceXN => ForceX / Ft300Registers.CountsPerNewton;

    /// <summary>Fy (N).</summary>
    public double ForceYN => ForceY / Ft300Registers.CountsPerNewton;

    /// <summary>Fz (N).</summary>
    public double ForceZN => ForceZ / Ft300Registers.CountsPerNewton;

    /// <summary>Mx (N·m).</summary>
    public double TorqueXNm => TorqueX / Ft300Registers.CountsPerNewtonMetre;

    /// <summary>My (N·m).</summary>
    public double TorqueYNm => TorqueY / Ft300Registers.CountsPerNewtonMetre;

    /// <summary>Mz (N·m).</summary>
    public double TorqueZNm => TorqueZ / Ft300Registers.CountsPerNewtonMetre;

    /// <summary>The sample nearest to a wrench in SI units, each axis saturated at the int16 range (±327.67 N, ±32.767 N·m), as the sensor's own counts are.</summary>
    public static Ft300Sample FromSi(double forceXN, double forceYN, double forceZN, double torqueXNm, double torqueYNm, double torqueZNm) => new(
        Counts(forceXN * Ft300Registers.CountsPerNewton), Counts(forceYN * Ft300Registers.CountsPerNewton), Counts(forceZN * Ft300Registers.CountsPerNewton),
        Counts(torqueXNm * Ft300Registers.CountsPerNewtonMetre), Counts(torqueYNm * Ft300Registers.CountsPerNewtonMetre), Counts(torqueZNm * Ft300Registers.CountsPerNewtonMetre));

    private static short Counts(double value) =>
        double.IsNaN(value) ? (short)0 : (short)Math.Clamp(Math.Round(value), short.MinValue, short.MaxValue);
}
