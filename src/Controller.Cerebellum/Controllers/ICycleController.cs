using Controller.Cerebellum.Loop;
using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Controllers;

/// <summary>
/// A controller the loop runs every cycle. <see cref="Activate"/> and <see cref="Update"/> run on the loop
/// thread and must not allocate, lock, log or throw; everything that may (building gain tables, loading a
/// model) happens in the constructor, off the loop thread.
/// </summary>
public interface ICycleController
{
    /// <summary>A short name for events and telemetry.</summary>
    string Name { get; }

    /// <summary>
    /// Takes over from whatever ran before, starting from the measured state so the first command continues
    /// smoothly from where the joints are (bumpless activation).
    /// </summary>
    void Activate(in CycleTime time, in JointState measured);

    /// <summary>Computes this cycle's command from the measured state.</summary>
    void Update(in CycleTime time, in JointState measured, ref JointCommand command);
}
