namespace Controller.Brain.Manifests;

/// <summary>How a feature is scaled before the model and an output after it (LeRobot's NormalizationMode).</summary>
public enum NormalizationMode
{
    /// <summary>Values pass unchanged (the export normalises inside the graph).</summary>
    None,

    /// <summary>(x − mean) / std; outputs: y·std + mean.</summary>
    MeanStd,

    /// <summary>2·(x − min)/(max − min) − 1 into [−1, 1]; outputs: (y + 1)/2·(max − min) + min.</summary>
    MinMax,
}
