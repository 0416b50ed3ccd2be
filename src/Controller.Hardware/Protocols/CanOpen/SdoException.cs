namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>A blocking SDO transfer failed: aborted by either side or timed out. The message names node, object and cause.</summary>
public sealed class SdoException : IOException
{
    /// <summary>Creates the exception.</summary>
    public SdoException(byte nodeId, ushort index, byte subIndex, SdoAbortCode abortCode, string message)
        : base(message)
    {
        NodeId = nodeId;
        Index = index;
        SubIndex = subIndex;
        AbortCode = abortCode;
    }

    /// <summary>The server node.</summary>
    public byte NodeId { get; }

    /// <summary>The object index.</summary>
    public ushort Index { get; }

    /// <summary>The sub-index.</summary>
    public byte SubIndex { get; }

    /// <summary>The abort code (sent by the server, or by this client on timeout or protocol error).</summary>
    public SdoAbortCode AbortCode { get; }
}
