namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>A node's object dictionary as an <see cref="SdoServer"/> reaches it (a twin's, or a test's).</summary>
public interface IObjectDictionary
{
    /// <summary>Copies the value of <paramref name="index"/>:<paramref name="subIndex"/> into <paramref name="destination"/>; an abort code other than None refuses.</summary>
    SdoAbortCode Read(ushort index, byte subIndex, Span<byte> destination, out int length);

    /// <summary>Stores <paramref name="data"/> into <paramref name="index"/>:<paramref name="subIndex"/>; an abort code other than None refuses.</summary>
    SdoAbortCode Write(ushort index, byte subIndex, ReadOnlySpan<byte> data);
}
