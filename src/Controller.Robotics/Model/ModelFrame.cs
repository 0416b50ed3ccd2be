using Controller.Robotics.Spatial;

namespace Controller.Robotics.Model;

/// <summary>A named frame (one per URDF link) rigidly attached to a moving body of the model, or to the root.</summary>
/// <param name="Name">The link name.</param>
/// <param name="Body">Index of the joint whose body carries the frame, or −1 when the frame is fixed to the root.</param>
/// <param name="Offset">Pose of the frame in the body's frame (or in the root frame when <paramref name="Body"/> is −1).</param>
/// <param name="ParentFrame">Index of the parent link's frame, or −1 for the root link.</param>
/// <param name="LinkInertia">The link's own inertia, expressed in the body's frame (zero for a link fixed to the
/// root, whose mass the world carries); the body's inertia is the sum over its links.</param>
public sealed record ModelFrame(string Name, int Body, Transform3 Offset, int ParentFrame, RigidInertia LinkInertia);
