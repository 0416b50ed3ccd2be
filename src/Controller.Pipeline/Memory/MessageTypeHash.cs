using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Controller.Pipeline.Memory;

/// <summary>
/// A 64-bit fingerprint of a message type: its full name, size and every instance field (name, type,
/// inline-array length) recursively. Two processes built from different versions of a message struct
/// get different hashes, so the second one refuses to attach instead of reading garbage.
/// </summary>
public static class MessageTypeHash
{
    /// <summary>The fingerprint of <typeparamref name="T"/>; computed once per type.</summary>
    public static ulong Of<T>() where T : unmanaged => Cache<T>.Value;

    /// <summary>The canonical text that is hashed; useful when two builds disagree.</summary>
    public static string Describe(Type type)
    {
        var text = new StringBuilder();
        Append(text, type, depth: 0);
        return text.ToString();
    }

    private static class Cache<T> where T : unmanaged
    {
        public static readonly ulong Value = Fnv1a(Describe(typeof(T)) + "|size=" + Unsafe.SizeOf<T>());
    }

    private static void Append(StringBuilder text, Type type, int depth)
    {
        text.Append(type.FullName);
        if (type.IsPrimitive || type.IsEnum || depth > 8)
        {
            if (type.IsEnum) text.Append(':').Append(Enum.GetUnderlyingType(type).Name);
            return;
        }
        var inline = type.GetCustomAttribute<InlineArrayAttribute>();
        if (inline != null) text.Append('[').Append(inline.Length).Append(']');
        text.Append('{');
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                     .OrderBy(f => f.MetadataToken))
        {
            text.Append(field.Name).Append(':');
            Append(text, field.FieldType, depth + 1);
            text.Append(';');
        }
        text.Append('}');
    }

    private static ulong Fnv1a(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
