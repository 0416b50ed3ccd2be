using Controller.Robotics.Spatial;
using Controller.Robotics.Urdf;

namespace Controller.Robotics.Model;

/// <summary>Turns a parsed URDF tree (or one chain of it) into a <see cref="RobotModel"/>.</summary>
internal static class RobotModelBuilder
{
    /// <summary>A link waiting to be visited: its parent body, its pose there, and the movable joint above it if any.</summary>
    private readonly record struct Pending(string Link, int ParentBody, Transform3 Placement, UrdfJoint? MovableJoint, int ParentFrame);

    public static RobotModel Build(UrdfRobot robot, string rootLink, HashSet<string>? allowedJoints)
    {
        var joints = new List<UrdfJoint>();
        var parents = new List<int>();
        var placements = new List<Transform3>();
        var inertias = new List<RigidInertia>();
        var frames = new List<ModelFrame>();

        // Depth first with an explicit stack (a fuzzed URDF may be a very deep chain); children are pushed in
        // reverse so they are visited, and numbered, in document order. A body is numbered when its link is
        // visited, so every parent is numbered before its children.
        var stack = new Stack<Pending>();
        stack.Push(new Pending(rootLink, -1, Transform3.Identity, null, -1));
        while (stack.Count > 0)
        {
            Pending at = stack.Pop();
            int body = at.ParentBody;
            Transform3 linkInBody = at.Placement;
            if (at.MovableJoint is { } movable)
            {
                RejectUnsupported(movable);
                body = joints.Count;
                joints.Add(movable);
                parents.Add(at.ParentBody);
                placements.Add(at.Placement);
                inertias.Add(RigidInertia.Zero);
                linkInBody = Transform3.Identity;
            }

            RigidInertia linkInertia = body >= 0 && robot.Link(at.Link).Inertial is { } inertial
                ? LinkInertia(inertial).ToParent(linkInBody)
                : RigidInertia.Zero;
            int frame = frames.Count;
            frames.Add(new ModelFrame(at.Link, body, linkInBody, at.ParentFrame, linkInertia));
            if (body >= 0)
            {
                inertias[body] += linkInertia;
            }

            foreach (UrdfJoint joint in robot.ChildJoints(at.Link).Reverse())
            {
                if (allowedJoints is null || allowedJoints.Contains(joint.Name))
                {
                    Transform3 placement = linkInBody * ToTransform(joint.Origin);
                    stack.Push(new Pending(joint.Child, body, placement, joint.IsMovable ? joint : null, frame));
                }
            }
        }

        var index = joints.Select((j, i) => (j.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        return new RobotModel(
            robot.Name,
            rootLink,
            joints.Select(j => ToModelJoint(j, index)).ToArray(),
            parents.ToArray(),
            placements.ToArray(),
            joints.Select(j => new Vec3(j.Axis.X, j.Axis.Y, j.Axis.Z)).ToArray(),
            inertias.ToArray(),
            frames.ToArray());
    }

    /// <summary>The pose a URDF origin describes (xyz, then fixed-axis roll-pitch-yaw).</summary>
    public static Transform3 ToTransform(UrdfPose pose) => new(
        Mat3.FromRpy(pose.Rpy.Roll, pose.Rpy.Pitch, pose.Rpy.Yaw),
        new Vec3(pose.Xyz.X, pose.Xyz.Y, pose.Xyz.Z));

    /// <summary>A link's inertial element as a spatial inertia about the link frame's origin.</summary>
    public static RigidInertia LinkInertia(UrdfInertial inertial)
    {
        // URDF gives the inertia tensor in the inertial frame (origin at the centre of mass, rotated by its rpy);
        // rotate it into link axes before the parallel-axis shift.
        Transform3 origin = ToTransform(inertial.Origin);
        UrdfInertia i = inertial.Inertia;
        Mat3 tensor = Mat3.Symmetric(i.Ixx, i.Ixy, i.Ixz, i.Iyy, i.Iyz, i.Izz);
        return RigidInertia.FromCenterOfMass(inertial.Mass, origin.Translation, Mat3.Rotate(origin.Rotation, tensor));
    }

    private static void RejectUnsupported(UrdfJoint joint)
    {
        if (joint.Type is UrdfJointType.Floating or UrdfJointType.Planar)
        {
            throw new ArgumentException(
                $"joint '{joint.Name}' is {joint.Type.ToString().ToLowerInvariant()}: the model handles fixed-base robots " +
                "with revolute, continuous, prismatic and fixed joints; pin the base (make the joint fixed) or build " +
                "the model from a chain that leaves it out");
        }
    }

    private static ModelJoint ToModelJoint(UrdfJoint joint, Dictionary<string, int> index)
    {
        bool continuous = joint.Type == UrdfJointType.Continuous;
        UrdfLimit? limit = joint.Limit;
        double lower = continuous || limit is null ? double.NegativeInfinity : limit.Lower;
        double upper = continuous || limit is null ? double.PositiveInfinity : limit.Upper;
        double velocity = limit is { Velocity: > 0 } ? limit.Velocity : double.PositiveInfinity;
        double effort = limit is { Effort: > 0 } ? limit.Effort : double.PositiveInfinity;
        int mimicOf = joint.Mimic is { } m && index.TryGetValue(m.Joint, out int k) ? k : -1;
        return new ModelJoint(
            joint.Name,
            joint.Type == UrdfJointType.Prismatic ? JointKind.Prismatic : JointKind.Revolute,
            continuous,
            lower,
            upper,
            velocity,
            effort,
            joint.Dynamics?.Damping ?? 0,
            joint.Dynamics?.Friction ?? 0,
            joint.Parent,
            joint.Child,
            mimicOf,
            mimicOf >= 0 ? joint.Mimic!.Multiplier : 1,
            mimicOf >= 0 ? joint.Mimic!.Offset : 0);
    }
}
