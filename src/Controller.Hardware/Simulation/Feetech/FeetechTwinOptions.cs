namespace Controller.Hardware.Simulation.Feetech;

/// <summary>How a <see cref="FeetechChainTwin"/> behaves on the wire and drives its plant.</summary>
public sealed record FeetechTwinOptions
{
    /// <summary>When &gt; 0, each reply is held back by its wire time at this baud rate (10 bits per byte), like a real line.</summary>
    public int BaudRate { get; init; }

    /// <summary>Called from the twin's thread with the elapsed seconds, to advance a plant nobody else steps (e.g. <c>IndependentJointPlant.Step</c>).</summary>
    public Action<double>? StepPlant { get; init; }

    /// <summary>Position-loop stiffness of the simulated servo (N·m/rad).</summary>
    public double PositionGainNmPerRad { get; init; } = 20;

    /// <summary>Position-loop damping (N·m·s/rad), also the velocity-mode gain.</summary>
    public double DampingNmsPerRad { get; init; } = 0.5;

    /// <summary>Torque at 100 % load (N·m); the servo's output is clamped to it.</summary>
    public double StallTorqueNm { get; init; } = Protocols.Feetech.FeetechUnits.Sts3215StallTorqueNm;

    /// <summary>Longest step given to the servo loop and plant at once (s); bounds the integration step after a stall.</summary>
    public double MaxStepSeconds { get; init; } = 0.002;

    /// <summary>Runs first on the twin's own thread (the runtime raises its priority there).</summary>
    public Action? OnThreadStart { get; init; }
}
