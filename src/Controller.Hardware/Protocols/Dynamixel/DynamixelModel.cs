namespace Controller.Hardware.Protocols.Dynamixel;

/// <summary>
/// What a driver needs to know about one servo model: its model number (checked on Open) and how its feedback
/// converts to SI. A configuration may declare a model not in <see cref="DynamixelModels"/> with this constructor.
/// </summary>
/// <param name="Name">e.g. "XM430-W350".</param>
/// <param name="ModelNumber">Model Number (address 0).</param>
/// <param name="CurrentUnitAmps">Current per unit of Goal/Present Current (2.69 mA on XM430); 0 for models without current sensing.</param>
/// <param name="TorqueConstantNmPerAmp">Output torque per ampere at the horn (gearbox included); an approximation from the stall point.</param>
/// <param name="StallTorqueNm">Stall torque at 12 V; converts Present Load (0.1 % units) on models without current sensing.</param>
/// <param name="CurrentLimitUnits">Factory Current Limit (address 38), the bound on Goal Current; 0 without current sensing.</param>
public sealed record DynamixelModel(
    string Name,
    ushort ModelNumber,
    double CurrentUnitAmps,
    double TorqueConstantNmPerAmp,
    double StallTorqueNm,
    int CurrentLimitUnits)
{
    /// <summary>True when the model has Goal/Present Current (current and current-based position modes).</summary>
    public bool HasCurrentSensing => CurrentUnitAmps > 0;
}
