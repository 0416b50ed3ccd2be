namespace Controller.Cli.Commands;

/// <summary>One servo that answered a ping during <c>robotctl scan serial</c>.</summary>
/// <param name="Id">Its bus ID.</param>
/// <param name="ModelNumber">Model Number from the ping reply.</param>
/// <param name="ModelName">The model's name when this runtime knows the number, else null.</param>
/// <param name="Firmware">Firmware version from the ping reply.</param>
/// <param name="BaudRate">The baud rate it answered at.</param>
/// <param name="HardwareAlert">True when its status packet had the hardware-error alert bit set (overload, overheating, ...).</param>
public sealed record FoundServo(byte Id, ushort ModelNumber, string? ModelName, byte Firmware, int BaudRate, bool HardwareAlert);
