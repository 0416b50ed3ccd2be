namespace Controller.Pipeline.Tests.Support;

/// <summary>
/// A message whose every field is derived from (producer, sequence) and sealed by a checksum, so a
/// consumer can tell a whole message from a torn one (fields from two different writes).
/// </summary>
public struct StressMessage
{
    public long Sequence;
    public long Producer;
    public long A;
    public long B;
    public long C;
    public long Checksum;

    public static StressMessage Create(long producer, long sequence)
    {
        var message = default(StressMessage);
        Fill(ref message, producer, sequence);
        return message;
    }

    /// <summary>Fills a message in place (for claim → fill by ref → publish).</summary>
    public static void Fill(ref StressMessage message, long producer, long sequence)
    {
        message.Sequence = sequence;
        message.Producer = producer;
        message.A = Mix(sequence ^ (producer << 40));
        message.B = Mix(message.A);
        message.C = Mix(message.B);
        message.Checksum = ChecksumOf(in message);
    }

    public readonly bool IsIntact =>
        A == Mix(Sequence ^ (Producer << 40)) && B == Mix(A) && C == Mix(B) && Checksum == ChecksumOf(in this);

    public override readonly string ToString() =>
        $"StressMessage(producer {Producer}, sequence {Sequence}, intact {IsIntact})";

    private static long ChecksumOf(in StressMessage m) =>
        Mix(m.Sequence * 31 ^ m.Producer * 1_000_003 ^ m.A ^ Mix(m.B) ^ Mix(Mix(m.C)));

    /// <summary>SplitMix64's finaliser: every input bit affects every output bit.</summary>
    public static long Mix(long value)
    {
        ulong z = unchecked((ulong)value + 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return unchecked((long)(z ^ (z >> 31)));
    }
}
