using Controller.Hardware.Devices.DigitalIo;

namespace Controller.Hardware.Tests.Devices.DigitalIo;

public class GpioDigitalIoTests
{
    [Fact]
    public void Constructor_NoGpioChip_ThrowsSayingSoAndWhatToDo()
    {
        string empty = Directory.CreateTempSubdirectory("no-gpio").FullName;
        try
        {
            var e = Assert.Throws<InvalidOperationException>(() => new GpioDigitalIo(0, [17], [], devDirectory: empty));
            Assert.Contains("gpiochip0", e.Message);
            Assert.Contains("no gpiochip devices at all", e.Message);
            Assert.Contains("SimulatedDigitalIo", e.Message);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public void Constructor_OtherChipsPresent_NamesThem()
    {
        string dev = Directory.CreateTempSubdirectory("gpio").FullName;
        File.WriteAllText(Path.Combine(dev, "gpiochip1"), "");
        try
        {
            var e = Assert.Throws<InvalidOperationException>(() => new GpioDigitalIo(4, [17], [], devDirectory: dev));
            Assert.Contains("present: gpiochip1", e.Message);
        }
        finally
        {
            Directory.Delete(dev, recursive: true);
        }
    }

    [Fact]
    public void Constructor_OnThisMachine_EitherOpensOrExplainsTheMissingChip()
    {
        if (GpioDigitalIo.AvailableChips().Count > 0) return;   // a board with GPIO: nothing to assert without wiring
        var e = Assert.Throws<InvalidOperationException>(() => new GpioDigitalIo(0, [4], [17]));
        Assert.Contains("/dev/gpiochip0", e.Message);
    }

    [Theory]
    [InlineData(new int[0], new int[0], "at least one")]
    [InlineData(new[] { 3, 3 }, new int[0], "listed twice")]
    [InlineData(new[] { -1 }, new int[0], ">= 0")]
    public void Constructor_BadLines_ThrowsBeforeTouchingTheChip(int[] inputs, int[] outputs, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => new GpioDigitalIo(0, inputs, outputs));
        Assert.Contains(expected, e.Message);
    }
}
