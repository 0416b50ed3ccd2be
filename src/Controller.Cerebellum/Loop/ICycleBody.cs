namespace Controller.Cerebellum.Loop;

/// <summary>
/// The work of one cycle: read every bus, update every controller and the safety supervisor, write every
/// bus. Called on the loop thread only; implementations must not allocate, lock, log or throw in steady
/// state (faults are counted and answered with a safe reaction instead).
/// </summary>
public interface ICycleBody
{
    /// <summary>Reads devices: sensor values and joint states for this cycle.</summary>
    void Read(in CycleTime time);

    /// <summary>Runs controllers and the safety supervisor on what was read.</summary>
    void Update(in CycleTime time);

    /// <summary>Writes commands to devices.</summary>
    void Write(in CycleTime time);
}
