using Controller.Runtime.Recording;

namespace Controller.Runtime.Tests.Recording;

/// <summary>Model-call records for the format tests: a fixed planner and policy call, and random ones from a seed.</summary>
internal static class ModelCallSamples
{
    /// <summary>A 4×3 RGB frame with every pixel different.</summary>
    public static byte[] Pixels(int width = 4, int height = 3) => Enumerable.Range(0, width * height * 3).Select(i => (byte)(i * 37 + 11)).ToArray();

    public static ModelCallRecord Planner(long timeNs = 9_000_000) => new(timeNs, ModelCallRecord.PlannerModel, 0, "Ok", 1_234_000, [], [],
        "put the red cube in the bin", [new ModelCallImage("observation.images.top", 4, 3, 3, ModelCallImage.PngEncoding, PngImage.EncodeRgb(Pixels(), 4, 3))],
        "pick_and_place", [new ModelArgument("target", [0.2, -0.05])], -1);

    public static ModelCallRecord Policy(long timeNs = 9_500_000, long chunk = 7) => new(timeNs, ModelCallRecord.PolicyModel, 1, "Published", 456_000,
        [0.1, 0.2, 0.3], [0.15, 0.25, 0.35], "", [], "", [], chunk);

    public static ModelCallRecord Random(Random rng)
    {
        double D() => rng.Next(4) switch { 0 => 0, 1 => double.MinValue, 2 => -rng.NextDouble(), _ => rng.NextDouble() * 1e3 };
        double[] Ds(int n) => Enumerable.Range(0, n).Select(_ => D()).ToArray();
        string S() => new(Enumerable.Range(0, rng.Next(0, 30)).Select(_ => (char)rng.Next(32, 0x3000)).Where(c => !char.IsSurrogate(c)).ToArray());
        byte[] B()
        {
            var bytes = new byte[rng.Next(0, 300)];
            rng.NextBytes(bytes);
            return bytes;
        }

        return new ModelCallRecord(rng.NextInt64(0, long.MaxValue), rng.Next(2) == 0 ? ModelCallRecord.PlannerModel : S(), rng.Next(), S(), rng.NextInt64(),
            Ds(rng.Next(0, 30)), Ds(rng.Next(0, 30)), S(),
            Enumerable.Range(0, rng.Next(0, 3)).Select(_ => new ModelCallImage(S(), rng.Next(), rng.Next(), rng.Next(1, 5), S(), B())).ToArray(),
            S(), Enumerable.Range(0, rng.Next(0, 4)).Select(_ => new ModelArgument(S(), Ds(rng.Next(0, 6)))).ToArray(), rng.NextInt64(-1, long.MaxValue));
    }
}
