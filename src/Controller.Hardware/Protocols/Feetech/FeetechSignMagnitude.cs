namespace Controller.Hardware.Protocols.Feetech;

/// <summary>
/// Sign-magnitude values of the STS/SMS memory table: bit <c>signBit</c> is the sign, the bits below it the
/// magnitude (LeRobot `feetech/tables.py`: Homing_Offset bit 11, Goal/Present Velocity bit 15, Present_Load bit 10).
/// </summary>
public static class FeetechSignMagnitude
{
    /// <summary>Largest magnitude representable with the sign at <paramref name="signBit"/>.</summary>
    public static int MaxMagnitude(int signBit) => (1 << signBit) - 1;

    /// <summary>Encodes <paramref name="value"/>, saturating its magnitude to <see cref="MaxMagnitude"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="signBit"/> outside 1..30.</exception>
    public static int Encode(int value, int signBit)
    {
        CheckSignBit(signBit);
        int max = MaxMagnitude(signBit);
        int magnitude = (int)Math.Min(Math.Abs((long)value), max);
        return value < 0 ? (1 << signBit) | magnitude : magnitude;
    }

    /// <summary>Decodes a raw register value; bits above the sign bit are ignored.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="signBit"/> outside 1..30.</exception>
    public static int Decode(int raw, int signBit)
    {
        CheckSignBit(signBit);
        int magnitude = raw & MaxMagnitude(signBit);
        return (raw & (1 << signBit)) != 0 ? -magnitude : magnitude;
    }

    private static void CheckSignBit(int signBit)
    {
        if (signBit is < 1 or > 30) throw new ArgumentOutOfRangeException(nameof(signBit), signBit, "sign bit must be between 1 and 30.");
    }
}
