namespace Controller.Runtime.Recording.Export;

/// <summary>What an export wrote.</summary>
/// <param name="Episodes">Episodes in the dataset.</param>
/// <param name="Frames">Frames in the dataset.</param>
/// <param name="Tasks">Distinct instructions.</param>
/// <param name="Fps">Frames per second (the recordings' state rate).</param>
/// <param name="HasWrench">Whether <c>observation.wrench</c> is a feature.</param>
/// <param name="Notes">Recordings skipped or cut short, and why.</param>
public sealed record LeRobotExportSummary(int Episodes, long Frames, int Tasks, int Fps, bool HasWrench, IReadOnlyList<string> Notes);
