namespace Controller.Hardware.Devices.EtherCat;

/// <summary>What happens to the outputs the moment a fault stops the writer.</summary>
public enum EtherCatFaultReaction
{
    /// <summary>Keep sending the last outputs (a CSP drive holds its last target; digital outputs stay as they were).</summary>
    Hold,
    /// <summary>Send zeros (a CiA 402 controlword of 0 is "disable voltage": torque off; digital outputs off).</summary>
    Disable,
}
