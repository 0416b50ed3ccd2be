using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Controller.Pipeline.Messages;

namespace Controller.Benchmarks;

/// <summary>
/// A one-cache-line message: a <see cref="MessageHeader"/> (16 bytes) and six doubles (48 bytes) = 64 bytes,
/// the size of a small command or event. <see cref="Size"/> is checked by <see cref="AssertLayout"/>, which
/// every benchmark that uses it calls from its setup (C# has no compile-time <c>static_assert</c> on struct sizes).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct Message64
{
    /// <summary>The expected size in bytes.</summary>
    public const int Size = 64;

    public MessageHeader Header;
    public double A;
    public double B;
    public double C;
    public double D;
    public double E;
    public double F;

    /// <summary>Throws if the struct is not exactly <see cref="Size"/> bytes.</summary>
    public static void AssertLayout()
    {
        if (Unsafe.SizeOf<Message64>() != Size)
        {
            throw new InvalidOperationException($"Message64 is {Unsafe.SizeOf<Message64>()} bytes; it must be {Size}.");
        }
    }
}
