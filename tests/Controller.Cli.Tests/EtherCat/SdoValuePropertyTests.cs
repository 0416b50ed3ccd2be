using System.Globalization;
using Controller.Cli.EtherCat;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Cli.Tests.EtherCat;

/// <summary>The command line's SDO value and address parsing: round trips, and random text is refused, never thrown on.</summary>
public sealed class SdoValuePropertyTests
{
    [Fact]
    public void EncodeThenFormat_RandomIntegersOfEveryType_GiveTheValueBack()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            long signed = random.NextInt64(int.MinValue, int.MaxValue);
            ulong unsigned = (ulong)random.NextInt64(0, long.MaxValue);
            foreach (var (type, text) in new[]
            {
                ("u8", (unsigned & 0xFF).ToString(CultureInfo.InvariantCulture)),
                ("u16", (unsigned & 0xFFFF).ToString(CultureInfo.InvariantCulture)),
                ("u32", (unsigned & 0xFFFF_FFFF).ToString(CultureInfo.InvariantCulture)),
                ("u64", unsigned.ToString(CultureInfo.InvariantCulture)),
                ("i8", ((sbyte)signed).ToString(CultureInfo.InvariantCulture)),
                ("i16", ((short)signed).ToString(CultureInfo.InvariantCulture)),
                ("i32", ((int)signed).ToString(CultureInfo.InvariantCulture)),
                ("i64", (signed * 7919).ToString(CultureInfo.InvariantCulture)),
            })
                Assert.Equal(text, SdoValue.Format(SdoValue.Encode(text, type), type));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TryParseAddress_RandomText_ReturnsFalseOrAValidAddressWithoutThrowing()
    {
        const string alphabet = "0123456789abcdefxX:-+ ";
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            string text = new(Enumerable.Range(0, random.Next(0, 14)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            if (SdoValue.TryParseAddress(text, out ushort index, out byte sub, out string problem))
                Assert.True(SdoValue.TryParseAddress($"0x{index:x4}:{sub:x2}", out ushort again, out byte subAgain, out _) && again == index && subAgain == sub);
            else
                Assert.Contains("is not an object address", problem);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Encode_RandomTextAsNumber_ThrowsOnlyFormatExceptionNamingTheType()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            string text = new(Enumerable.Range(0, random.Next(1, 12)).Select(_ => (char)random.Next(32, 127)).ToArray());
            string type = SdoValue.Types[random.Next(SdoValue.Types.Count)];
            try
            {
                SdoValue.Encode(text, type);
            }
            catch (FormatException e)
            {
                Assert.Contains(type, e.Message);
            }
        }).QuickCheckThrowOnFailure();
    }
}
