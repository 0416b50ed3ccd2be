namespace Controller.Hardware.Protocols.EtherCat;

/// <summary>
/// The 256 datagram indices a master has in flight, preallocated: <see cref="TryReserve"/> hands out a free
/// index for a request, <see cref="Complete"/> matches a reply to it (index, command, address, length) and
/// checks the working counter. Position and broadcast commands are matched on ADO only, because every slave
/// increments ADP on the way. No allocation, no exceptions, single-threaded (the cycle thread owns it).
/// </summary>
public sealed class DatagramIndexTable
{
    private readonly DatagramRequest[] _requests = new DatagramRequest[256];
    private readonly bool[] _pending = new bool[256];
    private byte _next;

    /// <summary>How many indices are reserved and not yet completed or released.</summary>
    public int PendingCount { get; private set; }

    /// <summary>Reserves the next free index (round robin, so a late reply rarely meets a reused index).</summary>
    /// <returns>False when all 256 indices are in flight.</returns>
    public bool TryReserve(in DatagramRequest request, out byte index)
    {
        for (int i = 0; i < 256; i++)
        {
            byte candidate = (byte)(_next + i);
            if (_pending[candidate])
                continue;
            _pending[candidate] = true;
            _requests[candidate] = request;
            _next = (byte)(candidate + 1);
            PendingCount++;
            index = candidate;
            return true;
        }
        index = 0;
        return false;
    }

    /// <summary>True when <paramref name="index"/> is reserved.</summary>
    public bool IsPending(byte index) => _pending[index];

    /// <summary>The request reserved under <paramref name="index"/> (default when none).</summary>
    public DatagramRequest RequestAt(byte index) => _pending[index] ? _requests[index] : default;

    /// <summary>Frees an index without a reply (the frame was lost).</summary>
    public void Release(byte index)
    {
        if (!_pending[index])
            return;
        _pending[index] = false;
        PendingCount--;
    }

    /// <summary>Frees every index (after a timeout that lost the whole frame).</summary>
    public void ReleaseAll()
    {
        Array.Clear(_pending);
        PendingCount = 0;
    }

    /// <summary>
    /// Matches a reply. On any status but <see cref="ReplyStatus.UnknownIndex"/> and the mismatches of
    /// command, address or length (which mean "not my reply"), the index is freed.
    /// </summary>
    /// <param name="reply">The received datagram.</param>
    /// <param name="error">Filled when the result is <see cref="ReplyStatus.WorkingCounterMismatch"/>.</param>
    public ReplyStatus Complete(in EtherCatDatagram reply, out WorkingCounterError error)
    {
        error = default;
        if (!_pending[reply.Index])
            return ReplyStatus.UnknownIndex;
        var status = Check(_requests[reply.Index], reply, out error);
        if (status is ReplyStatus.Ok or ReplyStatus.WorkingCounterMismatch)
            Release(reply.Index);
        return status;
    }

    /// <summary>Compares a reply with a request without touching any table.</summary>
    public static ReplyStatus Check(in DatagramRequest request, in EtherCatDatagram reply, out WorkingCounterError error)
    {
        error = default;
        if (reply.Command != request.Command)
            return ReplyStatus.CommandMismatch;
        bool adpMoves = request.Command.Addressing() is EtherCatAddressing.AutoIncrement or EtherCatAddressing.Broadcast;
        bool sameAddress = adpMoves ? reply.Ado == (ushort)(request.Address >> 16) : reply.Address == request.Address;
        if (!sameAddress)
            return ReplyStatus.AddressMismatch;
        if (reply.Data.Length != request.DataLength)
            return ReplyStatus.LengthMismatch;
        if (reply.WorkingCounter != request.ExpectedWorkingCounter)
        {
            error = new WorkingCounterError(request.Command, reply.Index, request.Address, request.ExpectedWorkingCounter, reply.WorkingCounter);
            return ReplyStatus.WorkingCounterMismatch;
        }
        return ReplyStatus.Ok;
    }
}
