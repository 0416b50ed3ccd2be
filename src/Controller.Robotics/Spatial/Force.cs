using System.Runtime.CompilerServices;

namespace Controller.Robotics.Spatial;

/// <summary>A spatial force vector: the moment about the frame origin first, then the force.</summary>
/// <param name="Moment">Moment about the frame origin (N·m).</param>
/// <param name="Linear">Force (N).</param>
public readonly record struct Force(Vec3 Moment, Vec3 Linear)
{
    /// <summary>Sum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Force operator +(in Force a, in Force b) => new(a.Moment + b.Moment, a.Linear + b.Linear);

    /// <summary>Difference.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Force operator -(in Force a, in Force b) => new(a.Moment - b.Moment, a.Linear - b.Linear);

    /// <summary>Scaling.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Force operator *(double s, in Force a) => new(s * a.Moment, s * a.Linear);
}
