namespace Controller.Hardware.Devices.EtherCat;

/// <summary>A configuration-phase EtherCAT failure (before Active): names the slave, the step and what came back.</summary>
public class EtherCatException : Exception
{
    /// <summary>The station address of the slave concerned (0 when the whole segment).</summary>
    public ushort StationAddress { get; }

    /// <summary>Creates the exception.</summary>
    public EtherCatException(ushort stationAddress, string message) : base(message) => StationAddress = stationAddress;
}
