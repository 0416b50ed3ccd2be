using Controller.Robotics.Spatial;

namespace Controller.Robotics.Model;

/// <summary>
/// The mutable, preallocated working memory of the algorithms for one <see cref="RobotModel"/>: everything is
/// allocated here, once, so that kinematics and dynamics allocate nothing per call. One instance per thread.
/// </summary>
public sealed class RobotData
{
    /// <summary>Allocates the working memory for <paramref name="model"/>.</summary>
    public RobotData(RobotModel model)
    {
        Model = model;
        int n = model.DofCount;
        JointTransforms = new Transform3[n];
        BodyPoses = new Transform3[n];
        Velocities = new Motion[n];
        Accelerations = new Motion[n];
        Forces = new Force[n];
        CompositeInertias = new RigidInertia[n];
        ArticulatedInertias = new ArticulatedInertia[n];
        BiasForces = new Force[n];
        VelocityProducts = new Motion[n];
        JointForceColumns = new Force[n];
        JointInertias = new double[n];
        JointBiases = new double[n];
        MassMatrix = new double[n * n];
        Scratch = new double[n];
    }

    /// <summary>The model this memory belongs to.</summary>
    public RobotModel Model { get; }

    /// <summary>Pose of each body in its parent body's frame at the last q (parent → body).</summary>
    public Transform3[] JointTransforms { get; }

    /// <summary>Pose of each body in the root frame at the last q (written by forward kinematics).</summary>
    public Transform3[] BodyPoses { get; }

    /// <summary>Spatial velocity of each body in its own frame (RNEA, ABA).</summary>
    public Motion[] Velocities { get; }

    /// <summary>Spatial acceleration of each body in its own frame (RNEA, ABA), gravity included as a −g base acceleration.</summary>
    public Motion[] Accelerations { get; }

    /// <summary>Spatial force each body's joint transmits to it, in the body's frame (RNEA).</summary>
    public Force[] Forces { get; }

    /// <summary>The mass matrix M(q), n×n row-major, written by <see cref="Dynamics.MassMatrix.Compute"/>.</summary>
    public double[] MassMatrix { get; }

    internal RigidInertia[] CompositeInertias { get; }

    internal ArticulatedInertia[] ArticulatedInertias { get; }

    internal Force[] BiasForces { get; }

    internal Motion[] VelocityProducts { get; }

    internal Force[] JointForceColumns { get; }

    internal double[] JointInertias { get; }

    internal double[] JointBiases { get; }

    internal double[] Scratch { get; }

    /// <summary>The pose of a frame in the root frame, from the body poses of the last forward kinematics.</summary>
    public Transform3 FramePose(int frame)
    {
        int body = Model.FrameBodies[frame];
        return body < 0 ? Model.FrameOffsets[frame] : BodyPoses[body] * Model.FrameOffsets[frame];
    }

    /// <summary>The mass matrix entry (row, column).</summary>
    public double MassMatrixAt(int row, int column) => MassMatrix[row * Model.DofCount + column];
}
