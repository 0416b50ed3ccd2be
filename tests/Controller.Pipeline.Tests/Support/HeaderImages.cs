using System.Runtime.InteropServices;
using Controller.Pipeline.Memory;

namespace Controller.Pipeline.Tests.Support;

/// <summary>Reads, patches and writes the bytes of shared pipeline files for the attach-validation tests.</summary>
public static class HeaderImages
{
    public static int OffsetOf(string field) => (int)Marshal.OffsetOf<RegionHeader>(field);

    /// <summary>Bytes [0, this) of a header are the identity fields the creator writes once.</summary>
    public static int IdentityLength => OffsetOf(nameof(RegionHeader.Initialized)) + sizeof(int);

    /// <summary>The whole file a <paramref name="create"/> call leaves behind, captured before it is deleted.</summary>
    public static byte[] Capture(Func<string, IDisposable> create)
    {
        using var path = new SharedPath("image");
        using (create(path))
        {
            return File.ReadAllBytes(path);
        }
    }

    public static void Write(string path, byte[] bytes) => File.WriteAllBytes(path, bytes);

    public static byte[] With(byte[] image, string field, long value, int size)
    {
        var copy = (byte[])image.Clone();
        var target = copy.AsSpan(OffsetOf(field), size);
        if (size == 4) MemoryMarshal.Write(target, (int)value);
        else MemoryMarshal.Write(target, value);
        return copy;
    }
}
