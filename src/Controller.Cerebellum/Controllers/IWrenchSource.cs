using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Controllers;

/// <summary>
/// Where a controller gets this cycle's wrist wrench (sensor frame, N and N·m, bias removed). The cerebellum cycle is
/// one: it reads the wrist sensor in its Read phase and hands the same sample to the controllers in Update.
/// </summary>
public interface IWrenchSource
{
    /// <summary>Loop thread: copies this cycle's wrench; false when the sensor delivered nothing usable. No allocation.</summary>
    bool TryGetWrench(out Wrench wrench);
}
