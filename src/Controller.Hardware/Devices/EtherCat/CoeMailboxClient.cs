using System.Buffers.Binary;
using System.Diagnostics;
using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;
using Controller.Hardware.Protocols.EtherCat.Mailbox;
using Controller.Hardware.Protocols.EtherCat.Sii;

namespace Controller.Hardware.Devices.EtherCat;

/// <summary>
/// CoE SDO access to one slave through its mailbox sync managers: SM0 (master to slave) is written whole with
/// FPWR, SM1's status bit 3 is polled until the answer is there, then SM1 is read whole with FPRD (which empties
/// it). Configuration phase only (allocates per transfer, throws <see cref="SdoAbortException"/> and
/// <see cref="EtherCatException"/>).
/// </summary>
public sealed class CoeMailboxClient
{
    private const byte MailboxWriteControl = 0x26; // mailbox mode, ECAT writes, PDI interrupt
    private const byte MailboxReadControl = 0x22;  // mailbox mode, ECAT reads, PDI interrupt
    private const byte MailboxFullBit = 0x08;

    private readonly EtherCatPort _port;
    private readonly SiiMailbox _mailbox;
    private readonly byte[] _request;
    private readonly byte[] _response;
    private byte _counter;

    /// <summary>Creates a client for the slave at <paramref name="station"/> with the mailbox layout from its SII.</summary>
    /// <exception cref="ArgumentException">The SII declares no standard mailbox.</exception>
    public CoeMailboxClient(EtherCatPort port, ushort station, SiiMailbox mailbox, long answerTimeoutNs = 1_000_000_000)
    {
        if (!mailbox.IsPresent)
            throw new ArgumentException($"slave 0x{station:X4} declares no standard mailbox in its SII", nameof(mailbox));
        _port = port;
        Station = station;
        _mailbox = mailbox;
        AnswerTimeoutNs = answerTimeoutNs;
        _request = new byte[mailbox.ReceiveSize];
        _response = new byte[mailbox.SendSize];
    }

    /// <summary>The slave's station address.</summary>
    public ushort Station { get; }

    /// <summary>How long to wait for the slave to fill SM1.</summary>
    public long AnswerTimeoutNs { get; }

    /// <summary>Writes SM0 and SM1 from the SII mailbox layout (do this in INIT, before requesting PRE-OP).</summary>
    public void ConfigureSyncManagers()
    {
        Span<byte> sm = stackalloc byte[16];
        Fill(sm, _mailbox.ReceiveOffset, _mailbox.ReceiveSize, MailboxWriteControl);
        Fill(sm[8..], _mailbox.SendOffset, _mailbox.SendSize, MailboxReadControl);
        SiiEepromReader.Check(_port.Exchange(EtherCatCommand.Fpwr, EtherCatAddress.Physical(Station, EscRegister.SyncManager(0)), sm, 1),
            Station, "configure mailbox sync managers SM0/SM1");
    }

    private static void Fill(Span<byte> sm, ushort start, ushort length, byte control)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(sm, start);
        BinaryPrimitives.WriteUInt16LittleEndian(sm[2..], length);
        sm[4] = control;
        sm[5] = 0;
        sm[6] = 0x01; // enable
        sm[7] = 0;
    }

    /// <summary>Reads an object (expedited, normal or segmented, as the slave answers).</summary>
    /// <exception cref="SdoAbortException">The slave aborted.</exception>
    /// <exception cref="EtherCatException">No answer or a malformed one.</exception>
    public byte[] Upload(ushort index, byte subIndex)
    {
        var transfer = new SdoUpload(index, subIndex);
        Run(index, subIndex, c => transfer.WriteRequest(_request, c), () => transfer.Accept(_response), () => transfer.AbortCode, () => transfer.ProtocolProblem);
        return transfer.Data;
    }

    /// <summary>Writes an object (expedited for 1..4 bytes, otherwise normal plus segments).</summary>
    /// <exception cref="SdoAbortException">The slave aborted.</exception>
    /// <exception cref="EtherCatException">No answer or a malformed one.</exception>
    public void Download(ushort index, byte subIndex, ReadOnlySpan<byte> data)
    {
        var transfer = new SdoDownload(index, subIndex, data, _mailbox.ReceiveSize);
        Run(index, subIndex, c => transfer.WriteRequest(_request, c), () => transfer.Accept(_response), () => transfer.AbortCode, () => transfer.ProtocolProblem);
    }

    private void Run(ushort index, byte subIndex, Func<byte, int> write, Func<SdoTransferStatus> accept, Func<uint> abortCode, Func<string?> problem)
    {
        while (true)
        {
            Array.Clear(_request);
            _counter = MailboxHeader.NextCounter(_counter);
            write(_counter);
            SiiEepromReader.Check(_port.Exchange(EtherCatCommand.Fpwr, EtherCatAddress.Physical(Station, _mailbox.ReceiveOffset), _request, 1),
                Station, $"write SDO 0x{index:X4}:{subIndex} request into the mailbox");
            AwaitAnswer(index, subIndex);
            SiiEepromReader.Check(_port.Exchange(EtherCatCommand.Fprd, EtherCatAddress.Physical(Station, _mailbox.SendOffset), _response, 1),
                Station, $"read SDO 0x{index:X4}:{subIndex} answer from the mailbox");
            switch (accept())
            {
                case SdoTransferStatus.Completed:
                    return;
                case SdoTransferStatus.Aborted:
                    throw new SdoAbortException(Station, index, subIndex, abortCode());
                case SdoTransferStatus.ProtocolError:
                    throw new EtherCatException(Station, $"slave 0x{Station:X4}, SDO 0x{index:X4}:{subIndex}: {problem()}");
            }
        }
    }

    private void AwaitAnswer(ushort index, byte subIndex)
    {
        Span<byte> status = stackalloc byte[1];
        long deadline = Stopwatch.GetTimestamp() + (long)(AnswerTimeoutNs * (Stopwatch.Frequency / 1e9));
        while (true)
        {
            SiiEepromReader.Check(_port.Exchange(EtherCatCommand.Fprd, EtherCatAddress.Physical(Station, (ushort)(EscRegister.SyncManager(1) + 5)), status, 1),
                Station, "poll the mailbox status");
            if ((status[0] & MailboxFullBit) != 0)
                return;
            if (Stopwatch.GetTimestamp() > deadline)
                throw new EtherCatException(Station, $"slave 0x{Station:X4} did not answer SDO 0x{index:X4}:{subIndex} within {AnswerTimeoutNs / 1_000_000} ms");
        }
    }
}
