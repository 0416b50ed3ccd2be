namespace Controller.Hardware.Protocols.Cia402;

/// <summary>
/// Object 0x6040 controlword: the command values and their decoding per CiA 402-2 (IEC 61800-7-201 §6.2,
/// "controlword" and the device control command table). Pure functions on <see cref="ushort"/>.
/// </summary>
public static class Cia402Controlword
{
    /// <summary>Bit 0: switch on.</summary>
    public const ushort SwitchOnBit = 1 << 0;

    /// <summary>Bit 1: enable voltage.</summary>
    public const ushort EnableVoltageBit = 1 << 1;

    /// <summary>Bit 2: quick stop — active LOW: 0 commands a quick stop.</summary>
    public const ushort QuickStopBit = 1 << 2;

    /// <summary>Bit 3: enable operation.</summary>
    public const ushort EnableOperationBit = 1 << 3;

    /// <summary>Bit 4: mode specific (PP: new set-point; homing: start homing).</summary>
    public const ushort OperationModeSpecific4 = 1 << 4;

    /// <summary>Bit 5: mode specific (PP: change set immediately).</summary>
    public const ushort OperationModeSpecific5 = 1 << 5;

    /// <summary>Bit 6: mode specific (PP: relative).</summary>
    public const ushort OperationModeSpecific6 = 1 << 6;

    /// <summary>Bit 7: fault reset (acts on its rising edge).</summary>
    public const ushort FaultResetBit = 1 << 7;

    /// <summary>Bit 8: halt.</summary>
    public const ushort HaltBit = 1 << 8;

    /// <summary>Shutdown: 0b0110.</summary>
    public const ushort Shutdown = 0x0006;

    /// <summary>Switch on (and disable operation): 0b0111.</summary>
    public const ushort SwitchOn = 0x0007;

    /// <summary>Disable operation: same bits as switch on, 0b0111.</summary>
    public const ushort DisableOperation = 0x0007;

    /// <summary>Enable operation (and switch on + enable operation): 0b1111.</summary>
    public const ushort EnableOperation = 0x000F;

    /// <summary>Disable voltage: 0b0000.</summary>
    public const ushort DisableVoltage = 0x0000;

    /// <summary>Quick stop: 0b0010.</summary>
    public const ushort QuickStop = 0x0002;

    /// <summary>Fault reset: bit 7; must follow a controlword with bit 7 clear.</summary>
    public const ushort FaultReset = 0x0080;

    /// <summary>
    /// The command <paramref name="controlword"/> gives, following the spec's table from the top: a rising edge of
    /// bit 7 is a fault reset; otherwise bit 1 clear is disable voltage, bit 2 clear quick stop, bit 0 clear
    /// shutdown, bit 3 clear switch on, all four set enable operation.
    /// </summary>
    public static Cia402Command Decode(ushort controlword, ushort previousControlword)
    {
        if ((controlword & FaultResetBit) != 0 && (previousControlword & FaultResetBit) == 0) return Cia402Command.FaultReset;
        if ((controlword & EnableVoltageBit) == 0) return Cia402Command.DisableVoltage;
        if ((controlword & QuickStopBit) == 0) return Cia402Command.QuickStop;
        if ((controlword & SwitchOnBit) == 0) return Cia402Command.Shutdown;
        if ((controlword & EnableOperationBit) == 0) return Cia402Command.SwitchOn;
        return Cia402Command.EnableOperation;
    }
}
