using System.Runtime.InteropServices;
using Controller.Pipeline.Messages;

namespace Controller.Cli.Bench;

/// <summary>A 64-byte message (one cache line): a header and six doubles, the size of a wrench sample.</summary>
[StructLayout(LayoutKind.Sequential, Size = 64)]
public struct BenchMessage
{
    /// <summary>Sequence and time; a negative sequence tells an echo peer to stop.</summary>
    public MessageHeader Header;

    /// <summary>Payload, so the copy is a real 64-byte copy.</summary>
    public double A, B, C, D, E, F;
}
