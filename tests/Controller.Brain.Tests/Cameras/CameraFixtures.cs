using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Controller.Brain.Tests.Cameras;

/// <summary>Small image and video files written by the tests themselves: PPM/PGM, Y4M, PNG/JPEG, MJPEG AVI.</summary>
internal static class CameraFixtures
{
    /// <summary>A w×h RGB8 image: a gradient keyed by <paramref name="seed"/> (smooth, so JPEG keeps it close).</summary>
    public static byte[] Gradient(int w, int h, int seed)
    {
        var rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int i = (y * w + x) * 3;
                rgb[i] = (byte)((seed * 37 + x * 255 / Math.Max(1, w - 1)) & 0xFF);
                rgb[i + 1] = (byte)((seed * 91 + y * 255 / Math.Max(1, h - 1)) & 0xFF);
                rgb[i + 2] = (byte)((seed * 53 + 128) & 0xFF);
            }
        return rgb;
    }

    public static byte[] Solid(int w, int h, byte r, byte g, byte b)
    {
        var rgb = new byte[w * h * 3];
        for (int i = 0; i < rgb.Length; i += 3) { rgb[i] = r; rgb[i + 1] = g; rgb[i + 2] = b; }
        return rgb;
    }

    public static byte[] Ppm(int w, int h, byte[] rgb, string comment = "") =>
        [.. Encoding.ASCII.GetBytes($"P6\n{(comment.Length > 0 ? "# " + comment + "\n" : "")}{w} {h}\n255\n"), .. rgb.AsSpan(0, w * h * 3)];

    public static byte[] Pgm(int w, int h, byte[] gray) => [.. Encoding.ASCII.GetBytes($"P5 {w} {h} 255\n"), .. gray.AsSpan(0, w * h)];

    /// <summary>A 16-bit PPM (maxval 65535, samples big-endian) of the 8-bit image scaled up exactly (v × 257).</summary>
    public static byte[] Ppm16(int w, int h, byte[] rgb)
    {
        var data = new byte[w * h * 6];
        for (int i = 0; i < w * h * 3; i++) BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(2 * i), (ushort)(rgb[i] * 257));
        return [.. Encoding.ASCII.GetBytes($"P6\n{w}\n{h}\n65535\n"), .. data];
    }

    /// <summary>BT.601 limited-range RGB → Y, Cb, Cr (the inverse of what the decoders implement).</summary>
    public static (byte Y, byte U, byte V) ToYuv(byte r, byte g, byte b) => (
        (byte)Math.Clamp(((66 * r + 129 * g + 25 * b + 128) >> 8) + 16, 0, 255),
        (byte)Math.Clamp(((-38 * r - 74 * g + 112 * b + 128) >> 8) + 128, 0, 255),
        (byte)Math.Clamp(((112 * r - 94 * g - 18 * b + 128) >> 8) + 128, 0, 255));

    /// <summary>A Y4M file of the RGB frames in colour space 444 or 420jpeg (chroma averaged over 2×2 blocks).</summary>
    public static byte[] Y4m(int w, int h, IReadOnlyList<byte[]> frames, string colorSpace = "444", string rate = "30:1", string frameLine = "FRAME")
    {
        bool sub = colorSpace.StartsWith("420", StringComparison.Ordinal);
        int cw = sub ? (w + 1) / 2 : w, ch = sub ? (h + 1) / 2 : h;
        using var o = new MemoryStream();
        o.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{w} H{h} F{rate} Ip A1:1 C{colorSpace}\n"));
        foreach (byte[] rgb in frames)
        {
            o.Write(Encoding.ASCII.GetBytes(frameLine + "\n"));
            var y = new byte[w * h];
            var u = new int[cw * ch];
            var v = new int[cw * ch];
            var n = new int[cw * ch];
            for (int row = 0; row < h; row++)
                for (int col = 0; col < w; col++)
                {
                    int i = row * w + col;
                    var (yy, uu, vv) = ToYuv(rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]);
                    y[i] = yy;
                    int c = (sub ? row / 2 : row) * cw + (sub ? col / 2 : col);
                    u[c] += uu; v[c] += vv; n[c]++;
                }
            o.Write(y);
            o.Write(u.Select((s, i) => (byte)((s + n[i] / 2) / n[i])).ToArray());
            o.Write(v.Select((s, i) => (byte)((s + n[i] / 2) / n[i])).ToArray());
        }
        return o.ToArray();
    }

    public static byte[] Encode(int w, int h, byte[] rgb, SKEncodedImageFormat format, int quality = 95)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        var pixels = new byte[w * h * 4];
        for (int i = 0, j = 0; i < w * h * 3; i += 3, j += 4) { pixels[j] = rgb[i]; pixels[j + 1] = rgb[i + 1]; pixels[j + 2] = rgb[i + 2]; pixels[j + 3] = 255; }
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>An AVI 1.0 file with one MJPEG video stream holding <paramref name="jpegs"/>, an idx1 and a JUNK chunk.</summary>
    public static byte[] MjpegAvi(int w, int h, IReadOnlyList<byte[]> jpegs, int fps = 10, string compression = "MJPG")
    {
        byte[] avih = new byte[56];
        BinaryPrimitives.WriteUInt32LittleEndian(avih, (uint)(1_000_000 / fps));
        BinaryPrimitives.WriteUInt32LittleEndian(avih.AsSpan(12), 0x10);
        BinaryPrimitives.WriteUInt32LittleEndian(avih.AsSpan(16), (uint)jpegs.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(avih.AsSpan(24), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(avih.AsSpan(32), (uint)w);
        BinaryPrimitives.WriteUInt32LittleEndian(avih.AsSpan(36), (uint)h);
        byte[] strh = new byte[56];
        Encoding.ASCII.GetBytes("vids").CopyTo(strh, 0);
        Encoding.ASCII.GetBytes(compression).CopyTo(strh, 4);
        BinaryPrimitives.WriteUInt32LittleEndian(strh.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(strh.AsSpan(24), (uint)fps);
        BinaryPrimitives.WriteUInt32LittleEndian(strh.AsSpan(32), (uint)jpegs.Count);
        byte[] strf = new byte[40];
        BinaryPrimitives.WriteUInt32LittleEndian(strf, 40);
        BinaryPrimitives.WriteInt32LittleEndian(strf.AsSpan(4), w);
        BinaryPrimitives.WriteInt32LittleEndian(strf.AsSpan(8), h);
        BinaryPrimitives.WriteUInt16LittleEndian(strf.AsSpan(12), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(strf.AsSpan(14), 24);
        Encoding.ASCII.GetBytes(compression).CopyTo(strf, 16);
        var movi = jpegs.Select(j => Chunk("00dc", j)).ToList();
        movi.Insert(1 % (movi.Count + 1), Chunk("01wb", [1, 2, 3])); // another stream's chunk, to be skipped
        var idx = new MemoryStream();
        int offset = 4;
        var entry = new byte[12];
        foreach (byte[] j in jpegs)
        {
            idx.Write(Encoding.ASCII.GetBytes("00dc"));
            BinaryPrimitives.WriteUInt32LittleEndian(entry, 0x10);
            BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(4), (uint)offset);
            BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(8), (uint)j.Length);
            idx.Write(entry);
            offset += 8 + j.Length + (j.Length & 1);
        }
        return Riff("AVI ",
            List("hdrl", Chunk("avih", avih), List("strl", Chunk("strh", strh), Chunk("strf", strf))),
            Chunk("JUNK", new byte[13]),
            List("movi", [.. movi]),
            Chunk("idx1", idx.ToArray()));
    }

    public static byte[] Chunk(string id, byte[] data)
    {
        var o = new byte[8 + data.Length + (data.Length & 1)];
        Encoding.ASCII.GetBytes(id).CopyTo(o, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(o.AsSpan(4), (uint)data.Length);
        data.CopyTo(o, 8);
        return o;
    }

    public static byte[] List(string type, params byte[][] children) => Chunk("LIST", [.. Encoding.ASCII.GetBytes(type), .. children.SelectMany(c => c)]);

    public static byte[] Riff(string form, params byte[][] children)
    {
        byte[] list = List(form, children);
        Encoding.ASCII.GetBytes("RIFF").CopyTo(list, 0);
        return list;
    }

    /// <summary>1 to 4 random edits: flip, overwrite, delete, insert, truncate, or a random 32-bit little-endian value.</summary>
    public static byte[] Mutate(byte[] valid, int seed)
    {
        var rng = new Random(seed);
        var bytes = new List<byte>(valid);
        int edits = rng.Next(1, 5);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            int at = rng.Next(bytes.Count);
            switch (rng.Next(6))
            {
                case 0: bytes[at] ^= (byte)(1 << rng.Next(8)); break;
                case 1: bytes[at] = (byte)rng.Next(256); break;
                case 2: bytes.RemoveRange(at, Math.Min(bytes.Count - at, rng.Next(1, 9))); break;
                case 3: bytes.InsertRange(at, Enumerable.Range(0, rng.Next(1, 9)).Select(_ => (byte)rng.Next(256))); break;
                case 4: bytes.RemoveRange(at, bytes.Count - at); break;
                default:
                    uint[] interesting = [0, 1, 3, 4, 7, 8, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, (uint)rng.Next()];
                    uint v = interesting[rng.Next(interesting.Length)];
                    for (int k = 0; k < 4 && at + k < bytes.Count; k++) bytes[at + k] = (byte)(v >> (8 * k));
                    break;
            }
        }
        return bytes.ToArray();
    }

    public static byte[] RandomBytes(int seed, int maxLength = 256)
    {
        var rng = new Random(seed);
        var b = new byte[rng.Next(0, maxLength)];
        rng.NextBytes(b);
        return b;
    }

    public static int MaxDifference(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        int worst = 0;
        for (int i = 0; i < a.Length; i++) worst = Math.Max(worst, Math.Abs(a[i] - b[i]));
        return worst;
    }
}
