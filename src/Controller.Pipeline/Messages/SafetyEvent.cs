namespace Controller.Pipeline.Messages;

/// <summary>A safety-relevant event and the reaction taken, sent through the event ring to telemetry.</summary>
public struct SafetyEvent
{
    /// <summary>Sequence and the time of detection.</summary>
    public MessageHeader Header;

    /// <summary>What happened.</summary>
    public SafetyEventKind Kind;

    /// <summary>What the supervisor did about it.</summary>
    public SafetyReaction Reaction;

    /// <summary>The joint or device index concerned; -1 when it concerns the whole robot.</summary>
    public int Source;

    /// <summary>The measured value that triggered the event (SI units of the quantity).</summary>
    public double Value;

    /// <summary>The limit or threshold it was compared with (same units).</summary>
    public double Limit;
}
