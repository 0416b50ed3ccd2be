namespace Controller.Hardware.Simulation.EtherCat;

/// <summary>SDO access rights of an object dictionary entry.</summary>
public enum CoeAccess
{
    /// <summary>Read only.</summary>
    ReadOnly,
    /// <summary>Read and write.</summary>
    ReadWrite,
    /// <summary>Write only.</summary>
    WriteOnly,
}
