namespace Controller.Hardware.Protocols.Ati;

/// <summary>RDT request commands (ATI Net F/T manual, "Raw Data Transfer (RDT)").</summary>
public enum RdtCommand : ushort
{
    /// <summary>Stop streaming.</summary>
    Stop = 0x0000,

    /// <summary>Start high-speed real-time streaming: one record per UDP packet.</summary>
    StartRealtimeStreaming = 0x0002,

    /// <summary>Start high-speed buffered streaming (several records per packet; not used here).</summary>
    StartBufferedStreaming = 0x0003,

    /// <summary>Set software bias: the next readings are relative to the current load.</summary>
    SetSoftwareBias = 0x0042,
}
