namespace Controller.Hardware.Protocols.EtherCat;

/// <summary>How a datagram's 32-bit address field is interpreted.</summary>
public enum EtherCatAddressing
{
    /// <summary>The address is ignored (NOP).</summary>
    None,

    /// <summary>ADP is a negative position incremented by every slave; ADO is the register offset.</summary>
    AutoIncrement,

    /// <summary>ADP is a configured station address; ADO is the register offset.</summary>
    Configured,

    /// <summary>Every slave is addressed (and increments ADP); ADO is the register offset.</summary>
    Broadcast,

    /// <summary>The 32-bit address is a logical address mapped by the slaves' FMMUs.</summary>
    Logical,
}
