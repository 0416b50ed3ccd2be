namespace Controller.Hardware.Protocols.Modbus;

/// <summary>Modbus function codes implemented here (Modbus Application Protocol V1.1b3, §6).</summary>
public enum ModbusFunction : byte
{
    /// <summary>0x03 Read Holding Registers (§6.3).</summary>
    ReadHoldingRegisters = 0x03,

    /// <summary>0x10 Write Multiple Registers (§6.12).</summary>
    WriteMultipleRegisters = 0x10,
}
