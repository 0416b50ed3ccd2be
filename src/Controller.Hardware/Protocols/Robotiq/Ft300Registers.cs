namespace Controller.Hardware.Protocols.Robotiq;

/// <summary>
/// The FT 300's Modbus RTU map (Robotiq FT Sensor instruction manual, "Modbus RTU communication"; the same addresses
/// are used by Robotiq's FT-300 dev package): holding registers read with function 0x03, the stream started by
/// writing 0x0200 to register 410 with function 0x10.
/// </summary>
public static class Ft300Registers
{
    /// <summary>The sensor's Modbus slave address.</summary>
    public const byte SlaveId = 9;

    /// <summary>Line speed: 19 200 baud, 8 data bits, no parity, 1 stop bit.</summary>
    public const int BaudRate = 19_200;

    /// <summary>Fx, Fy, Fz, Mx, My, Mz: six consecutive signed registers, forces in 1/100 N, moments in 1/1000 N·m.</summary>
    public const ushort ForceX = 180;

    /// <summary>Accelerometer x, y, z (FT 300 firmware with accelerometer; not used here).</summary>
    public const ushort AccelerationX = 190;

    /// <summary>Stream control: write <see cref="StartStreamValue"/> to start the 100 Hz data stream.</summary>
    public const ushort StreamControl = 410;

    /// <summary>The value written to <see cref="StreamControl"/> that selects the stream output.</summary>
    public const ushort StartStreamValue = 0x0200;

    /// <summary>Firmware version: three registers, big-endian bytes "XYZ" + major, minor, build (e.g. "FTS-1.0.3").</summary>
    public const ushort FirmwareVersion = 500;

    /// <summary>Number of firmware-version registers.</summary>
    public const int FirmwareVersionCount = 3;

    /// <summary>Serial number: four registers, a three-letter prefix then a 32-bit number (e.g. "FTS-0123").</summary>
    public const ushort SerialNumber = 510;

    /// <summary>Number of serial-number registers.</summary>
    public const int SerialNumberCount = 4;

    /// <summary>Production year (e.g. 2018).</summary>
    public const ushort ProductionYear = 514;

    /// <summary>Sent to stop a running stream: a run of 0xFF bytes about 50 long (Robotiq's "jam signal").</summary>
    public const byte StopStreamByte = 0xFF;

    /// <summary>Length of the stop-stream run.</summary>
    public const int StopStreamLength = 50;

    /// <summary>Counts per newton of the force registers and stream values.</summary>
    public const double CountsPerNewton = 100;

    /// <summary>Counts per newton-metre of the moment registers and stream values.</summary>
    public const double CountsPerNewtonMetre = 1000;

    /// <summary>Stream rate.</summary>
    public const double StreamRateHz = 100;
}
