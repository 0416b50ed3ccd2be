namespace Controller.Hardware.Protocols.Feetech;

/// <summary>
/// STS3215 units ↔ SI: 4096 steps per turn (12-bit magnetic encoder), velocity in steps/s, load in 0.1 % of the
/// maximum torque. Uncalibrated, step 2048 is 0 rad (the middle of the turn).
/// </summary>
public static class FeetechUnits
{
    /// <summary>Encoder steps per revolution.</summary>
    public const int StepsPerTurn = 4096;

    /// <summary>Highest step value (LeRobot's <c>max_res</c>).</summary>
    public const int MaxStep = StepsPerTurn - 1;

    /// <summary>The middle of the turn: 0 rad when no calibration is applied.</summary>
    public const int CenterStep = StepsPerTurn / 2;

    /// <summary>Radians per encoder step.</summary>
    public const double RadPerStep = 2 * Math.PI / StepsPerTurn;

    /// <summary>
    /// Torque at 100 % load (N·m): the STS3215 7.4 V version's rated stall torque, 19.5 kg·cm ≈ 1.91 N·m (Feetech data
    /// sheet); the 12 V version is stronger (30 kg·cm). An estimate: the servo reports load, not torque.
    /// </summary>
    public const double Sts3215StallTorqueNm = 1.91;

    /// <summary>Steps relative to <paramref name="centerStep"/> → radians.</summary>
    public static double StepsToRad(double steps, double centerStep = CenterStep) => (steps - centerStep) * RadPerStep;

    /// <summary>Radians → step (rounded) relative to <paramref name="centerStep"/>, clamped to [0, 4095].</summary>
    public static int RadToSteps(double rad, double centerStep = CenterStep) =>
        (int)Math.Clamp(Math.Round(centerStep + rad / RadPerStep), 0, MaxStep);

    /// <summary>Signed steps/s → rad/s.</summary>
    public static double StepsPerSecToRadPerSec(int stepsPerSec) => stepsPerSec * RadPerStep;

    /// <summary>rad/s → signed steps/s, saturated to the 15-bit magnitude of Goal_Velocity.</summary>
    public static int RadPerSecToStepsPerSec(double radPerSec) =>
        (int)Math.Clamp(Math.Round(radPerSec / RadPerStep), -FeetechSignMagnitude.MaxMagnitude(15), FeetechSignMagnitude.MaxMagnitude(15));

    /// <summary>Signed load (0.1 % units) → N·m at <paramref name="stallTorqueNm"/>.</summary>
    public static double LoadToTorqueNm(int load, double stallTorqueNm = Sts3215StallTorqueNm) => load * 0.001 * stallTorqueNm;

    /// <summary>N·m → signed load (0.1 % units), saturated to ±1000.</summary>
    public static int TorqueNmToLoad(double torqueNm, double stallTorqueNm = Sts3215StallTorqueNm) =>
        (int)Math.Clamp(Math.Round(torqueNm / stallTorqueNm * 1000), -1000, 1000);
}
