using FsCheck;
using FsCheck.Fluent;

namespace Controller.Pipeline.Tests.Support;

/// <summary>Generators and shrinkers shared by the model-based properties.</summary>
public static class OperationSequences
{
    /// <summary>A capacity from 2 to 64, always a power of two.</summary>
    public static Gen<int> PowerOfTwoCapacity { get; } = Gen.Choose(1, 6).Select(exponent => 1 << exponent);

    /// <summary>Up to <paramref name="maxLength"/> operations, long enough to lap a small ring many times.</summary>
    public static Gen<T[]> Of<T>(Gen<T> operation, int maxLength = 400) =>
        Gen.Choose(0, maxLength).SelectMany(length => Gen.ArrayOf(operation, length));

    /// <summary>Shorter variants of a failing sequence: halves, then each single operation removed.</summary>
    public static IEnumerable<T[]> Shrink<T>(T[] operations)
    {
        if (operations.Length == 0) yield break;
        yield return operations[..(operations.Length / 2)];
        yield return operations[(operations.Length / 2)..];
        for (int i = operations.Length - 1; i >= 0; i--)
        {
            yield return [.. operations[..i], .. operations[(i + 1)..]];
        }
    }
}
