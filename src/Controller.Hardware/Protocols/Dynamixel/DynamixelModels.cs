namespace Controller.Hardware.Protocols.Dynamixel;

/// <summary>
/// Models this runtime knows, from the ROBOTIS e-Manual specification and control tables. Torque constants are
/// stall torque ÷ stall current at 12 V: the e-Manual gives no torque constant, and the real curve is not linear
/// (friction, saturation), so efforts are estimates good to roughly ±20 %.
/// </summary>
public static class DynamixelModels
{
    /// <summary>XM430-W350: model 1020; 4.1 N·m at 12 V, 2.3 A; 2.69 mA units; Current Limit 1193.</summary>
    public static readonly DynamixelModel XM430W350 = new("XM430-W350", 1020, 2.69e-3, 4.1 / 2.3, 4.1, 1193);

    /// <summary>XM430-W210: model 1030 (the e-Manual protocol examples' servo); 3.0 N·m at 12 V, 2.3 A; 2.69 mA units; Current Limit 1193.</summary>
    public static readonly DynamixelModel XM430W210 = new("XM430-W210", 1030, 2.69e-3, 3.0 / 2.3, 3.0, 1193);

    /// <summary>XL430-W250: model 1060; 1.5 N·m at 12 V, 1.4 A; no current sensing (Present Load in 0.1 % at 126).</summary>
    public static readonly DynamixelModel XL430W250 = new("XL430-W250", 1060, 0, 1.5 / 1.4, 1.5, 0);

    /// <summary>Every known model.</summary>
    public static IReadOnlyList<DynamixelModel> All { get; } = [XM430W350, XM430W210, XL430W250];

    /// <summary>The model with this model number, or null.</summary>
    public static DynamixelModel? FindByNumber(ushort modelNumber) => All.FirstOrDefault(m => m.ModelNumber == modelNumber);

    /// <summary>The model with this name (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static DynamixelModel ByName(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown Dynamixel model '{name}'; known: {string.Join(", ", All.Select(m => m.Name))}.", nameof(name));
}
