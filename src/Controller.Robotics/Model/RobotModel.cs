using Controller.Robotics.Spatial;
using Controller.Robotics.Urdf;

namespace Controller.Robotics.Model;

/// <summary>
/// The immutable kinematic and dynamic model of a fixed-base robot: one body per movable joint, in depth-first
/// order from the root (each body's parent comes before it), with links attached by fixed joints merged into the
/// body that carries them. Everything that changes per cycle lives in a <see cref="RobotData"/>.
/// </summary>
/// <remarks>
/// Joint order is the URDF's tree order (depth first, children in document order): the order of KDL chains,
/// LeRobot's motor lists and Pinocchio, and the order of every q, q̇, q̈ and τ span the algorithms take.
/// Look a joint up with <see cref="JointIndex"/>.
/// </remarks>
public sealed class RobotModel
{
    private readonly Dictionary<string, int> _jointIndex;
    private readonly Dictionary<string, int> _frameIndex;

    internal RobotModel(
        string name,
        string rootLink,
        ModelJoint[] joints,
        int[] parents,
        Transform3[] placements,
        Vec3[] axes,
        RigidInertia[] inertias,
        ModelFrame[] frames)
    {
        Name = name;
        RootLink = rootLink;
        Joints = Array.AsReadOnly(joints);
        Frames = Array.AsReadOnly(frames);
        Parents = parents;
        Placements = placements;
        Axes = axes;
        Inertias = inertias;
        Armature = new double[parents.Length];
        Kinds = joints.Select(j => j.Kind).ToArray();
        FrameBodies = frames.Select(f => f.Body).ToArray();
        FrameOffsets = frames.Select(f => f.Offset).ToArray();
        _jointIndex = joints.Select((j, i) => (j.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        _frameIndex = frames.Select((f, i) => (f.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>The robot's name from the URDF.</summary>
    public string Name { get; }

    /// <summary>The link fixed to the world (the root of the URDF tree, or the base of a sub-chain).</summary>
    public string RootLink { get; }

    /// <summary>Number of degrees of freedom (the length of q).</summary>
    public int DofCount => Parents.Length;

    /// <summary>The joints in model order.</summary>
    public IReadOnlyList<ModelJoint> Joints { get; }

    /// <summary>Every frame (one per link kept in the model).</summary>
    public IReadOnlyList<ModelFrame> Frames { get; }

    /// <summary>Gravity in the root frame (m/s²); −z at 9.81 unless built otherwise.</summary>
    public Vec3 Gravity { get; init; } = new(0, 0, -9.81);

    /// <summary>Total mass of the moving bodies (kg); links fixed to the root do not count.</summary>
    public double MovingMass => Inertias.Sum(i => i.Mass);

    internal int[] Parents { get; }

    internal Transform3[] Placements { get; }

    internal Vec3[] Axes { get; }

    internal JointKind[] Kinds { get; }

    internal RigidInertia[] Inertias { get; }

    /// <summary>
    /// Reflected rotor inertia per joint (kg·m², or kg for prismatic joints): a geared motor's rotor spun N times
    /// faster adds J_rotor·N² to the joint's own inertia. URDF cannot say it; servos have a lot of it (a Dynamixel's
    /// 353:1 gear makes its rotor the dominant inertia of a light wrist). Zero unless set with <see cref="WithArmature"/>;
    /// RNEA, CRBA and ABA all include it.
    /// </summary>
    internal double[] Armature { get; private init; }

    /// <summary>The reflected rotor inertia of joint <paramref name="joint"/>.</summary>
    public double JointArmature(int joint) => Armature[joint];

    /// <summary>A copy of this model with the given reflected rotor inertia per joint (see <see cref="JointArmature"/>).</summary>
    /// <exception cref="ArgumentException">Wrong count, or a negative or non-finite value.</exception>
    public RobotModel WithArmature(IReadOnlyList<double> armature)
    {
        RequireDofLength(armature.Count, nameof(armature));
        for (int i = 0; i < armature.Count; i++)
        {
            if (!(armature[i] >= 0) || !double.IsFinite(armature[i]))
            {
                throw new ArgumentException($"armature of joint '{Joints[i].Name}' is {armature[i]}; it must be finite and ≥ 0", nameof(armature));
            }
        }

        return new RobotModel(Name, RootLink, Joints.ToArray(), Parents, Placements, Axes, Inertias, Frames.ToArray()) { Gravity = Gravity, Armature = armature.ToArray() };
    }

    internal int[] FrameBodies { get; }

    internal Transform3[] FrameOffsets { get; }

    /// <summary>Builds the model of a whole URDF robot (fixed base at its root link).</summary>
    /// <exception cref="ArgumentException">The robot has a floating or planar joint (not supported).</exception>
    public static RobotModel FromUrdf(UrdfRobot robot) => RobotModelBuilder.Build(robot, robot.RootLink, allowedJoints: null);

    /// <summary>
    /// Builds the model of the chain <paramref name="baseLink"/> → <paramref name="tipLink"/> alone (an arm or a
    /// leg of a humanoid): only the links on the path, with the base fixed to the world, as a KDL chain is.
    /// </summary>
    /// <exception cref="ArgumentException">A link is missing, the base is not an ancestor of the tip, or the chain
    /// has a floating or planar joint.</exception>
    public static RobotModel FromUrdfChain(UrdfRobot robot, string baseLink, string tipLink)
    {
        var chain = robot.Chain(baseLink, tipLink);
        return RobotModelBuilder.Build(robot, baseLink, chain.Select(j => j.Name).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The index of a joint in model order.</summary>
    /// <exception cref="KeyNotFoundException">No movable joint of that name.</exception>
    public int JointIndex(string name) => _jointIndex.TryGetValue(name, out int i)
        ? i
        : throw new KeyNotFoundException($"model '{Name}' has no movable joint '{name}' (joints: {string.Join(", ", Joints.Select(j => j.Name))})");

    /// <summary>The index of a frame (a link name).</summary>
    /// <exception cref="KeyNotFoundException">No link of that name in the model.</exception>
    public int FrameIndex(string name) => _frameIndex.TryGetValue(name, out int i)
        ? i
        : throw new KeyNotFoundException($"model '{Name}' has no frame '{name}'");

    /// <summary>True when a frame of that name exists.</summary>
    public bool HasFrame(string name) => _frameIndex.ContainsKey(name);

    /// <summary>The spatial inertia of the body moved by joint <paramref name="joint"/>, about its joint frame.</summary>
    public RigidInertia BodyInertia(int joint) => Inertias[joint];

    /// <summary>
    /// A copy of this model with a payload rigidly attached to frame <paramref name="frame"/> (a grasped object, a
    /// tool): its inertia, given about the frame's origin in the frame's axes, is added to the carrying body and to
    /// the frame's link, so force/torque sensors above it feel it. Allocates; call it at a grasp, not per cycle.
    /// </summary>
    /// <exception cref="ArgumentException">The frame is fixed to the root (the world would carry the payload).</exception>
    public RobotModel WithPayload(int frame, in RigidInertia payloadInFrame)
    {
        ModelFrame target = Frames[frame];
        if (target.Body < 0)
        {
            throw new ArgumentException($"frame '{target.Name}' is fixed to the root '{RootLink}': a payload there moves nothing", nameof(frame));
        }

        RigidInertia inBody = payloadInFrame.ToParent(target.Offset);
        RigidInertia[] inertias = (RigidInertia[])Inertias.Clone();
        inertias[target.Body] += inBody;
        ModelFrame[] frames = Frames.ToArray();
        frames[frame] = target with { LinkInertia = target.LinkInertia + inBody };
        return new RobotModel(Name, RootLink, Joints.ToArray(), Parents, Placements, Axes, inertias, frames) { Gravity = Gravity, Armature = Armature };
    }

    /// <summary>
    /// Checks the lengths of spans handed to an algorithm; a programmer error, so it throws (before the loop runs
    /// an algorithm, not inside it: callers validate once at set-up).
    /// </summary>
    internal void RequireDofLength(int length, string name)
    {
        if (length != DofCount)
        {
            throw new ArgumentException($"{name} has {length} entries; model '{Name}' has {DofCount} degrees of freedom", name);
        }
    }
}
