namespace Controller.Cli.Bench;

/// <summary>A flag one thread sets and another polls; a class so lambdas and threads share one instance.</summary>
public sealed class StopFlag
{
    private int _set;

    /// <summary>True once <see cref="Set"/> was called.</summary>
    public bool IsSet => Volatile.Read(ref _set) != 0;

    /// <summary>Raises the flag.</summary>
    public void Set() => Volatile.Write(ref _set, 1);
}
