using Controller.Robotics.Model;
using Controller.Robotics.Spatial;

namespace Controller.Robotics.Simulation;

/// <summary>
/// What a six-axis force/torque sensor mounted at a link reads: the wrench that everything beyond it (the links
/// below it in the tree, their payloads, their contacts) exerts on it, in the sensor's frame. Computed from the
/// body accelerations and joint forces of an RNEA pass, so gravity, inertia and contact all appear, as on a real
/// wrist.
/// </summary>
internal sealed class ForceTorqueSensorModel
{
    private readonly int _body;
    private readonly Transform3 _offset;
    private readonly RigidInertia _distalInertia;
    private readonly int[] _distalChildBodies;
    private readonly int[] _distalSpheres;
    private readonly int[] _distalFramesOnBody;

    public ForceTorqueSensorModel(RobotModel model, string link, int[] sphereFrames)
    {
        int frame = model.FrameIndex(link);
        ModelFrame sensor = model.Frames[frame];
        if (sensor.Body < 0)
        {
            throw new ArgumentException($"force/torque sensor '{link}' is fixed to the root '{model.RootLink}': put it on a moving link");
        }

        _body = sensor.Body;
        _offset = sensor.Offset;
        Name = link;
        var distal = new HashSet<int>();
        for (int f = 0; f < model.Frames.Count; f++)
        {
            if (IsDescendantOrSelf(model, f, frame))
            {
                distal.Add(f);
            }
        }

        _distalInertia = distal.Where(f => model.Frames[f].Body == _body)
            .Aggregate(RigidInertia.Zero, (sum, f) => sum + model.Frames[f].LinkInertia);
        _distalChildBodies = Enumerable.Range(0, model.DofCount)
            .Where(c => model.Parents[c] == _body && distal.Contains(model.FrameIndex(model.Joints[c].ParentLink)))
            .ToArray();
        _distalSpheres = Enumerable.Range(0, sphereFrames.Length)
            .Where(s => distal.Contains(sphereFrames[s]) && model.Frames[sphereFrames[s]].Body == _body)
            .ToArray();
        _distalFramesOnBody = distal.Where(f => model.Frames[f].Body == _body).Order().ToArray();
    }

    /// <summary>The sensor's link.</summary>
    public string Name { get; }

    /// <summary>
    /// The reading after an RNEA pass with the contact forces and the applied wrenches (<paramref name="frameForces"/>,
    /// per frame, body frame) as external forces: −(the wrench that supports the distal part), moved into the sensor frame.
    /// </summary>
    public Force Read(RobotData data, ReadOnlySpan<Force> sphereForces, ReadOnlySpan<Force> frameForces)
    {
        Motion a = data.Accelerations[_body];
        Motion v = data.Velocities[_body];
        Force support = _distalInertia * a + Motion.CrossForce(v, _distalInertia * v);
        foreach (int s in _distalSpheres)
        {
            support -= sphereForces[s];
        }

        foreach (int f in _distalFramesOnBody)
        {
            support -= frameForces[f];
        }

        foreach (int c in _distalChildBodies)
        {
            support += SpatialTransform.ForceToParent(data.JointTransforms[c], data.Forces[c]);
        }

        return -1.0 * SpatialTransform.ForceToChild(_offset, support);
    }

    private static bool IsDescendantOrSelf(RobotModel model, int frame, int ancestor)
    {
        for (int f = frame; f >= 0; f = model.Frames[f].ParentFrame)
        {
            if (f == ancestor)
            {
                return true;
            }
        }

        return false;
    }
}
