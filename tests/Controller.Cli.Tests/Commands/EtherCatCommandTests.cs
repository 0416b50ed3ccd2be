using Controller.Cli.Tests.EtherCat;

namespace Controller.Cli.Tests.Commands;

/// <summary>`robotctl ethercat` against simulated slaves in this process (`--if sim:...`): the same master code as on a wire.</summary>
public sealed class EtherCatCommandTests
{
    [Fact]
    public void Slaves_CouplerTerminalAndCoeSlave_ListsIdentityStateSmsPdosAndDelays()
    {
        var (code, output, error) = CliRunner.Run("ethercat", "slaves", "--if", "sim:ek1100,el2004,coe");

        Assert.True(code == 0, error);
        Assert.StartsWith("3 slaves found on in-process simulated slaves", output);
        Assert.Contains("Slave:0\n Configured address: 1000\n State: Init\n Has DC: 1 (reference clock)", output.Replace("\r", ""));
        Assert.Contains("Name: EK1100 (EK1100 EtherCAT-Koppler (2A E-Bus))", output);
        Assert.Contains("Man: 00000002 ID: 07d43052 Rev: 00100000", output);           // EL2004, as SOEM's slaveinfo lists it
        Assert.Contains("SM0 A:0f00", output);
        Assert.Contains("RxPDO 0x1600 SM0 1 bits \"Channel 1\"", output);
        Assert.Contains("Delay: 500[ns]", output);                                    // one simulated hop
        Assert.Contains("Delay: 1000[ns]  loop: 0[ns]  downstream port: none (end of line)", output);
        Assert.Contains("MBX length wr: 128 rd: 128 MBX protocols: 04 (CoE)", output);
    }

    [Fact]
    public void SdoRead_DeviceNameAndVendor_PrintsValueAsTyped()
    {
        var (code, output, error) = CliRunner.Run("ethercat", "sdo", "read", "--if", "sim:ek1100,coe", "--slave", "1", "0x1008:00", "--type", "string");
        Assert.True(code == 0, error);
        Assert.Equal("slave 1 0x1008:00 = Simulated CoE slave", output.Trim());

        (code, output, error) = CliRunner.Run("ethercat", "sdo", "read", "--if", "sim:ek1100,coe", "--slave", "1", "0x1018:01");
        Assert.True(code == 0, error);
        Assert.Equal("slave 1 0x1018:01 = bc0a0000 = 2748 (0x00000abc)", output.Trim());
    }

    [Fact]
    public void SdoWrite_U16_ReportsTheBytesWritten()
    {
        var (code, output, error) = CliRunner.Run("ethercat", "sdo", "write", "--if", "sim:coe", "--slave", "0", "0x2000:02", "513", "--type", "u16");
        Assert.True(code == 0, error);
        Assert.Equal("slave 0 0x2000:02 <- 0102 (2 bytes) ok", output.Trim());
    }

    [Fact]
    public void SdoRead_MissingSubIndex_ExitsOneNamingTheAbortCode()
    {
        var (code, _, error) = CliRunner.Run("ethercat", "sdo", "read", "--if", "sim:coe", "--slave", "0", "0x2000:05");
        Assert.Equal(1, code);
        Assert.Contains("0x06090011", error);
    }

    [Theory]
    [InlineData("0x2000", "is not an object address")]
    [InlineData("0x12345:00", "is not an object address")]
    public void SdoRead_BadObject_ExitsNonZeroExplainingTheFormat(string address, string expected)
    {
        var (code, _, error) = CliRunner.Run("ethercat", "sdo", "read", "--if", "sim:coe", "--slave", "0", address);
        Assert.NotEqual(0, code);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void SdoWrite_ValueTooLargeForType_ExitsOneNamingValueAndType()
    {
        var (code, _, error) = CliRunner.Run("ethercat", "sdo", "write", "--if", "sim:coe", "--slave", "0", "0x2000:02", "70000", "--type", "u16");
        Assert.Equal(1, code);
        Assert.Contains("'70000' is not a valid u16 value", error);
    }

    [Fact]
    public void Sdo_SlaveWithoutMailbox_ExitsOneSayingSo()
    {
        var (code, _, error) = CliRunner.Run("ethercat", "sdo", "read", "--if", "sim:ek1100", "--slave", "0", "0x1008:00");
        Assert.Equal(1, code);
        Assert.Contains("has no CoE mailbox", error);
    }

    [Fact]
    public void Slaves_UnknownSimulatedSlave_ExitsOneListingKnownNames()
    {
        var (code, _, error) = CliRunner.Run("ethercat", "slaves", "--if", "sim:el1004");
        Assert.Equal(1, code);
        Assert.Contains("unknown simulated slave 'el1004'; known: ek1100, el2004", error);
    }

    [Fact]
    public void EepromDump_El2004_WritesTheRealImageUpToItsEndCategory()
    {
        string file = Path.Combine(Path.GetTempPath(), $"robotctl-eeprom-{Guid.NewGuid():N}.bin");
        try
        {
            var (code, output, error) = CliRunner.Run("ethercat", "eeprom", "dump", "--if", "sim:ek1100,el2004", "--slave", "1", "--out", file);

            Assert.True(code == 0, error);
            Assert.Contains("slave 1 (EL2004):", output);
            byte[] dumped = File.ReadAllBytes(file);
            byte[] real = File.ReadAllBytes(EtherCatTestFiles.Eeprom("el2004-eeprom-dump.bin"));
            Assert.InRange(dumped.Length, 200, real.Length);
            Assert.Equal(real[..dumped.Length], dumped);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("ek1100-eeprom-dump.bin", "Name: EK1100", "ID: 044c2c52")]
    [InlineData("el2004-eeprom-dump.bin", "Name: EL2004", "RxPDO 0x1603 SM0 1 bits \"Channel 4\"")]
    [InlineData("el2262.bin", "Name: EL2262", "DC mode")]
    [InlineData("el2828.hex", "Name: EL2828", "Man: 00000002")]
    [InlineData("el2889.hex", "Name: EL2889", "Man: 00000002")]
    public void EepromDecode_RealDumps_PrintsIdentityAndLayout(string file, string name, string detail)
    {
        var (code, output, error) = CliRunner.Run("ethercat", "eeprom", "decode", EtherCatTestFiles.Eeprom(file));

        Assert.True(code == 0, error);
        Assert.Contains(name, output);
        Assert.Contains(detail, output);
        Assert.Contains("config CRC: ok", output);
    }

    [Fact]
    public void EepromDecode_TruncatedImage_ExitsOneWithTheParserMessage()
    {
        string file = Path.Combine(Path.GetTempPath(), $"robotctl-eeprom-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(file, new byte[40]);
        try
        {
            var (code, _, error) = CliRunner.Run("ethercat", "eeprom", "decode", file);
            Assert.Equal(1, code);
            Assert.Contains("fixed header needs 128", error);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
