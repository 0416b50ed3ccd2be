namespace Controller.Hardware.Protocols.EtherCat;

/// <summary>Outcome of matching a received datagram to the request it answers.</summary>
public enum ReplyStatus
{
    /// <summary>The reply matches its request and carries the expected working counter.</summary>
    Ok,

    /// <summary>No request with this index is outstanding (late, duplicated or foreign frame).</summary>
    UnknownIndex,

    /// <summary>The index is outstanding but for another command.</summary>
    CommandMismatch,

    /// <summary>The index is outstanding but the address differs (ADO for position/broadcast, the whole address otherwise).</summary>
    AddressMismatch,

    /// <summary>The data length differs from the request's.</summary>
    LengthMismatch,

    /// <summary>Everything matches except the working counter (see <see cref="WorkingCounterError"/>).</summary>
    WorkingCounterMismatch,
}
