namespace Controller.Runtime.Recording;

/// <summary>How a run is recorded (<c>robotctl run --record FILE</c>).</summary>
/// <param name="Path">The episode file to write (replaced if it exists).</param>
public sealed record RecordingOptions(string Path)
{
    /// <summary>How often the joint state, command and wrench are sampled (Hz); events and chunks are all kept.</summary>
    public double StateRateHz { get; init; } = 50;

    /// <summary>Records between flushes to the operating system (what a kill can lose at most).</summary>
    public int FlushEveryRecords { get; init; } = 50;

    /// <summary>What the header says the motion came from (<see cref="EpisodeHeader.Mode"/>): "policy" or "guide".</summary>
    public string Mode { get; init; } = EpisodeHeader.PolicyMode;

    /// <summary>Checks the values, naming the bad one and its allowed range.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            throw new ArgumentException("recording path must not be empty", nameof(Path));
        }

        if (!(StateRateHz is >= 1 and <= 1000))
        {
            throw new ArgumentException($"recording state rate must be between 1 and 1000 Hz; it is {StateRateHz}", nameof(StateRateHz));
        }

        if (FlushEveryRecords is < 1 or > 100_000)
        {
            throw new ArgumentException($"recording flush interval must be between 1 and 100000 records; it is {FlushEveryRecords}", nameof(FlushEveryRecords));
        }
    }
}
