using Controller.Robotics.Spatial;

namespace Controller.Robotics.Simulation;

/// <summary>External wrenches on links: a hand pushing the tool, a test load, the simulated operator of hand guiding.</summary>
public sealed partial class RigidBodyPlant
{
    private readonly Lock _appliedLock = new();
    private readonly AppliedWrench[] _appliedPending;
    private readonly AppliedWrench[] _applied;
    private readonly Force[] _frameForces;

    /// <summary>
    /// Pushes on <paramref name="frame"/> from the next step on: <paramref name="forceN"/> (root frame, N) acting at the
    /// frame's origin, plus a pure moment <paramref name="torqueNm"/> (root frame, N·m). The dynamics take it as an external
    /// force on the frame's body, which is the joint torque τ = Jᵀ·[F; τ] with J the frame's geometric Jacobian; a
    /// force/torque sensor whose distal side holds the frame reads it. It stays until replaced or cleared. Any thread.
    /// </summary>
    /// <exception cref="ArgumentException">The frame is unknown or fixed to the root (nothing would move), or a value is not finite.</exception>
    public void SetExternalWrench(string frame, Vec3 forceN, Vec3 torqueNm)
    {
        int index = MovingFrame(frame);
        if (!(double.IsFinite(forceN.X) && double.IsFinite(forceN.Y) && double.IsFinite(forceN.Z)
              && double.IsFinite(torqueNm.X) && double.IsFinite(torqueNm.Y) && double.IsFinite(torqueNm.Z)))
        {
            throw new ArgumentException($"external wrench on '{frame}' must be finite; force {forceN}, torque {torqueNm}", nameof(forceN));
        }

        lock (_appliedLock)
        {
            _appliedPending[index] = new AppliedWrench(true, forceN, torqueNm);
        }
    }

    /// <summary>Stops pushing on <paramref name="frame"/> from the next step on. Any thread.</summary>
    /// <exception cref="ArgumentException">The frame is unknown or fixed to the root.</exception>
    public void ClearExternalWrench(string frame)
    {
        int index = MovingFrame(frame);
        lock (_appliedLock)
        {
            _appliedPending[index] = default;
        }
    }

    /// <summary>The wrench set on <paramref name="frame"/> (root frame: force N at its origin, torque N·m); zero when none. Any thread.</summary>
    public (Vec3 ForceN, Vec3 TorqueNm) GetExternalWrench(string frame)
    {
        int index = MovingFrame(frame);
        lock (_appliedLock)
        {
            AppliedWrench w = _appliedPending[index];
            return (w.ForceN, w.TorqueNm);
        }
    }

    private int MovingFrame(string frame)
    {
        int index = _baseModel.FrameIndex(frame);
        if (_baseModel.FrameBodies[index] < 0)
        {
            throw new ArgumentException($"frame '{frame}' is fixed to the root '{_baseModel.RootLink}': a wrench on it moves nothing", nameof(frame));
        }

        return index;
    }

    /// <summary>Stepping thread, once per step: the wrenches set since the last step take effect (constant over the step).</summary>
    private void TakeAppliedWrenches()
    {
        lock (_appliedLock)
        {
            Array.Copy(_appliedPending, _applied, _applied.Length);
        }
    }

    /// <summary>
    /// Adds each applied wrench to its body's external force (body frame, about the body origin, as ABA and RNEA take it),
    /// at the state whose poses <see cref="_data"/> holds; keeps each frame's share for the sensors.
    /// </summary>
    private void AccumulateAppliedWrenches()
    {
        for (int f = 0; f < _applied.Length; f++)
        {
            ref readonly AppliedWrench w = ref _applied[f];
            if (!w.Active)
            {
                _frameForces[f] = default;
                continue;
            }

            int body = _model.FrameBodies[f];
            Mat3 rotation = _data.BodyPoses[body].Rotation;
            Vec3 force = Mat3.TransposeTimes(rotation, w.ForceN);
            Vec3 point = _model.FrameOffsets[f].Translation;
            var inBody = new Force(Vec3.Cross(point, force) + Mat3.TransposeTimes(rotation, w.TorqueNm), force);
            _frameForces[f] = inBody;
            _external[body] += inBody;
        }
    }

    private readonly record struct AppliedWrench(bool Active, Vec3 ForceN, Vec3 TorqueNm);
}
