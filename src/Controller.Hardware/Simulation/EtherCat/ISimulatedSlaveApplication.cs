namespace Controller.Hardware.Simulation.EtherCat;

/// <summary>
/// The application behind a simulated ESC (what a real slave's microcontroller does over the PDI): after each frame
/// it reads the outputs the master wrote into ESC memory and writes its inputs there for the next frame.
/// </summary>
public interface ISimulatedSlaveApplication
{
    /// <summary>Called on the segment's thread after every frame the slave handled. Must not allocate in steady state.</summary>
    void AfterFrame(SimulatedSlave slave);
}
