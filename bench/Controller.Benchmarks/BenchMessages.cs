using System.Reflection;
using System.Runtime.CompilerServices;
using Controller.Pipeline.Messages;

namespace Controller.Benchmarks;

/// <summary>
/// Generic access to the <see cref="MessageHeader"/> every message starts with, and a filled-in sample
/// of each message type, so one benchmark class can run over <see cref="Message64"/> and <see cref="JointState"/>.
/// </summary>
public static class BenchMessages<T> where T : unmanaged
{
    static BenchMessages()
    {
        FieldInfo? first = typeof(T)
            .GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .OrderBy(f => f.MetadataToken)
            .FirstOrDefault();
        if (first?.FieldType != typeof(MessageHeader))
        {
            throw new InvalidOperationException($"{typeof(T).Name} must start with a MessageHeader field to be benchmarked.");
        }
        if (typeof(T) == typeof(Message64)) Message64.AssertLayout();
    }

    /// <summary>Size of one message in bytes.</summary>
    public static int Size => Unsafe.SizeOf<T>();

    /// <summary>The header at the start of <paramref name="message"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref MessageHeader Header(ref T message) => ref Unsafe.As<T, MessageHeader>(ref message);

    /// <summary>The sequence number of <paramref name="message"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Sequence(in T message) => Unsafe.As<T, MessageHeader>(ref Unsafe.AsRef(in message)).Sequence;

    /// <summary>
    /// What a consumer does with a message it read: returns its sequence. Not inlined and taking the message
    /// by reference, so the JIT must materialise the whole copy that <c>TryRead(out T)</c> made; otherwise it
    /// may see that only the header is used and skip copying the rest of a large message, for the inlined
    /// ring but not for the queues it is compared with.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long Consume(in T message) => Unsafe.As<T, MessageHeader>(ref Unsafe.AsRef(in message)).Sequence;

    /// <summary>A message with every field filled in, as a producer would send it.</summary>
    public static T Sample()
    {
        T message = default;
        if (typeof(T) == typeof(JointState))
        {
            ref JointState joints = ref Unsafe.As<T, JointState>(ref message);
            joints.JointCount = 43;
            joints.FreshMask = (1UL << 43) - 1;
            for (int i = 0; i < MessageLimits.MaxJoints; i++)
            {
                joints.Position[i] = 0.01 * i;
                joints.Velocity[i] = -0.02 * i;
                joints.Effort[i] = 0.5 * i;
            }
        }
        else if (typeof(T) == typeof(Message64))
        {
            ref Message64 small = ref Unsafe.As<T, Message64>(ref message);
            small.A = 1; small.B = 2; small.C = 3; small.D = 4; small.E = 5; small.F = 6;
        }
        Header(ref message) = new MessageHeader(0, 123_456_789);
        return message;
    }
}
