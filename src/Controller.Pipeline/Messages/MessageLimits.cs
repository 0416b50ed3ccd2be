namespace Controller.Pipeline.Messages;

/// <summary>Fixed inline capacities of the message structs; messages never point at managed memory.</summary>
public static class MessageLimits
{
    /// <summary>Joints one message can carry: a 43-joint humanoid with dexterous hands fits with room to spare.</summary>
    public const int MaxJoints = 64;

    /// <summary>Steps one action chunk can carry: ACT's 100 with room to spare (Diffusion 64, pi0/SmolVLA 50).</summary>
    public const int MaxChunkSteps = 128;

    /// <summary>Values one action chunk can carry: steps × joints.</summary>
    public const int MaxChunkValues = MaxChunkSteps * MaxJoints;

    /// <summary>Throws unless 0 &lt;= <paramref name="count"/> &lt;= <see cref="MaxJoints"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Naming the value and the allowed range.</exception>
    public static void ValidateJointCount(int count, string paramName = "jointCount")
    {
        if ((uint)count > MaxJoints)
        {
            throw new ArgumentOutOfRangeException(paramName, count, $"{paramName} must be between 0 and {MaxJoints}; it is {count}.");
        }
    }
}
