using Controller.Robotics.Model;
using Controller.Robotics.Spatial;

namespace Controller.Robotics.Simulation;

/// <summary>
/// Penalty contact between the robot's contact spheres and the table plane and boxes: a spring-damper along the
/// normal (never pulling) and regularised Coulomb friction along the surface. Produces the external force on each
/// body, in the body's frame, as RNEA and ABA take it. No allocation per evaluation.
/// </summary>
internal sealed class ContactModel
{
    private readonly PlantOptions _options;
    private readonly int[] _sphereFrames;
    private readonly int[] _sphereBodies;
    private readonly Vec3[] _centersInBody;
    private readonly double[] _radii;
    private readonly BoxObstacle[] _boxes;

    public ContactModel(RobotModel model, PlantOptions options)
    {
        _options = options;
        int count = options.ContactSpheres.Count;
        _sphereFrames = new int[count];
        _sphereBodies = new int[count];
        _centersInBody = new Vec3[count];
        _radii = new double[count];
        // An array, not the options' IReadOnlyList: enumerating the interface allocates an enumerator per sphere per
        // evaluation, garbage on the plant thread whose collections pause the loop thread too.
        _boxes = options.Boxes.ToArray();
        SphereForces = new Force[count];
        for (int s = 0; s < count; s++)
        {
            ContactSphere sphere = options.ContactSpheres[s];
            if (!(sphere.RadiusM >= 0))
            {
                throw new ArgumentOutOfRangeException(nameof(options), sphere.RadiusM, $"contact sphere on '{sphere.Frame}' has radius {sphere.RadiusM} m; it must be ≥ 0");
            }

            int frame = model.FrameIndex(sphere.Frame);
            _sphereFrames[s] = frame;
            _sphereBodies[s] = model.FrameBodies[frame];
            _centersInBody[s] = model.FrameOffsets[frame].Apply(sphere.Center);
            _radii[s] = sphere.RadiusM;
        }
    }

    /// <summary>The force of the last evaluation on each sphere, in its body's frame (zero when not touching).</summary>
    public Force[] SphereForces { get; }

    /// <summary>The frame each sphere is attached to.</summary>
    public int[] SphereFrames => _sphereFrames;

    /// <summary>Number of spheres touching something at the last evaluation.</summary>
    public int ActiveContacts { get; private set; }

    /// <summary>Adds the contact forces at the state whose poses and velocities <paramref name="data"/> holds.</summary>
    public void Accumulate(RobotData data, Span<Force> externalForces)
    {
        ActiveContacts = 0;
        for (int s = 0; s < _radii.Length; s++)
        {
            SphereForces[s] = default;
            int body = _sphereBodies[s];
            if (body < 0)
            {
                continue;
            }

            ref readonly Transform3 pose = ref data.BodyPoses[body];
            Vec3 local = _centersInBody[s];
            Vec3 center = pose.Apply(local);
            Motion v = data.Velocities[body];
            Vec3 velocity = pose.Rotation * (v.Linear + Vec3.Cross(v.Angular, local));
            Vec3 total = Vec3.Zero;
            Vec3 point = center;
            if (_options.TableHeightM is double height)
            {
                total += Penetrate(center, velocity, new Vec3(0, 0, 1), _radii[s] - (center.Z - height), ref point, s);
            }

            foreach (BoxObstacle box in _boxes)
            {
                if (Penetration(box, center, _radii[s], out Vec3 normal, out double depth))
                {
                    total += Penetrate(center, velocity, normal, depth, ref point, s);
                }
            }

            if (total.SquaredNorm > 0)
            {
                ActiveContacts++;
                Vec3 forceInBody = Mat3.TransposeTimes(pose.Rotation, total);
                Vec3 pointInBody = Mat3.TransposeTimes(pose.Rotation, point - pose.Translation);
                var force = new Force(Vec3.Cross(pointInBody, forceInBody), forceInBody);
                SphereForces[s] = force;
                externalForces[body] += force;
            }
        }
    }

    private Vec3 Penetrate(in Vec3 center, in Vec3 velocity, in Vec3 normal, double depth, ref Vec3 point, int sphere)
    {
        if (depth <= 0)
        {
            return Vec3.Zero;
        }

        double normalSpeed = Vec3.Dot(velocity, normal);
        double pressing = _options.ContactStiffnessNPerM * depth - _options.ContactDampingNsPerM * normalSpeed;
        if (pressing <= 0)
        {
            return Vec3.Zero;
        }

        // Coulomb friction opposing the sliding velocity, ramped below 1 mm/s so resting contact does not chatter.
        Vec3 sliding = velocity - normalSpeed * normal;
        double speed = sliding.Norm;
        Vec3 friction = speed > 0
            ? (-_options.ContactFriction * pressing * Math.Min(1, speed / 1e-3) / speed) * sliding
            : Vec3.Zero;
        point = center - (_radii[sphere] - depth / 2) * normal;
        return pressing * normal + friction;
    }

    private static bool Penetration(BoxObstacle box, in Vec3 c, double radius, out Vec3 normal, out double depth)
    {
        var closest = new Vec3(Math.Clamp(c.X, box.Min.X, box.Max.X), Math.Clamp(c.Y, box.Min.Y, box.Max.Y), Math.Clamp(c.Z, box.Min.Z, box.Max.Z));
        Vec3 outward = c - closest;
        double distance = outward.Norm;
        if (distance > 0)
        {
            normal = (1 / distance) * outward;
            depth = radius - distance;
            return depth > 0;
        }

        // The centre is inside: push out through the nearest face.
        normal = new Vec3(-1, 0, 0);
        double gap = c.X - box.Min.X;
        Nearer(box.Max.X - c.X, new Vec3(1, 0, 0), ref gap, ref normal);
        Nearer(c.Y - box.Min.Y, new Vec3(0, -1, 0), ref gap, ref normal);
        Nearer(box.Max.Y - c.Y, new Vec3(0, 1, 0), ref gap, ref normal);
        Nearer(c.Z - box.Min.Z, new Vec3(0, 0, -1), ref gap, ref normal);
        Nearer(box.Max.Z - c.Z, new Vec3(0, 0, 1), ref gap, ref normal);
        depth = radius + gap;
        return true;
    }

    private static void Nearer(double gap, in Vec3 normal, ref double bestGap, ref Vec3 bestNormal)
    {
        if (gap < bestGap)
        {
            bestGap = gap;
            bestNormal = normal;
        }
    }
}
