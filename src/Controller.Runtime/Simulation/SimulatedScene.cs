using Controller.Robotics.Kinematics;
using Controller.Robotics.Model;
using Controller.Robotics.Simulation;
using Controller.Robotics.Spatial;
using Controller.Runtime.Configuration;

namespace Controller.Runtime.Simulation;

/// <summary>
/// The tabletop around the simulated arm: fixed boxes (bin walls) collide through the plant's contact model;
/// cubes are picked kinematically — a cube between the jaws when they close is attached to the tool as a payload
/// (its weight loads the joints and the wrist sensor), and when the jaws open it is released and drops onto
/// whatever is below it (table, bin floor, another cube). Penalty contact is too soft for a friction grasp at
/// 1 kHz; this keeps the demo honest about what is simulated. Runs on the plant's thread.
/// </summary>
public sealed class SimulatedScene
{
    private const double CubeMassKg = 0.05;
    private const double ClosedBelowRad = 0.45;
    private const double OpenAboveRad = 0.7;

    private readonly RigidBodyPlant _plant;
    private readonly RobotData _data;
    private readonly int _toolFrame;
    private readonly int _gripperJoint;
    private readonly List<MutableBox> _boxes;
    private SceneObject[] _snapshot = [];
    private int _held = -1;
    private Vec3 _heldOffset;
    private bool _wasClosed;
    private double _toolX, _toolY, _toolZ;
    private int _publishedEvents;
    private long _heldUpdates;

    /// <summary>Builds the scene of <paramref name="plant"/>'s configuration.</summary>
    public SimulatedScene(RigidBodyPlant plant, PlantConfig config, string toolFrame = "tool_tip", string gripperJoint = "gripper")
    {
        _plant = plant;
        _data = new RobotData(plant.Model);
        _toolFrame = plant.Model.FrameIndex(toolFrame);
        _gripperJoint = plant.Model.Joints.Any(j => j.Name == gripperJoint) ? plant.Model.JointIndex(gripperJoint) : -1;
        _boxes = config.Boxes.Select(b => new MutableBox(b.Name, ToVec(b.Min), ToVec(b.Max), b.Movable)).ToList();
        TableHeightM = config.TableHeightM ?? 0;
        Publish();
    }

    /// <summary>Height of the table top (m).</summary>
    public double TableHeightM { get; }

    /// <summary>The scene now (any thread).</summary>
    public IReadOnlyList<SceneObject> Objects => Volatile.Read(ref _snapshot);

    /// <summary>Grasps so far.</summary>
    public int Grasps { get; private set; }

    /// <summary>Where the tool was the last time the jaws closed (null before), for diagnosing a missed grasp.</summary>
    public double[]? LastCloseToolPosition { get; private set; }

    /// <summary>The tool frame's position at the last update (any thread).</summary>
    public double[] ToolPosition => [Volatile.Read(ref _toolX), Volatile.Read(ref _toolY), Volatile.Read(ref _toolZ)];

    /// <summary>Releases so far.</summary>
    public int Releases { get; private set; }

    /// <summary>The fixed boxes, for the plant's contact model.</summary>
    public static IReadOnlyList<BoxObstacle> FixedObstacles(PlantConfig config) => config.Boxes
        .Where(b => !b.Movable)
        .Select(b => new BoxObstacle(b.Name, ToVec(b.Min), ToVec(b.Max)))
        .ToArray();

    /// <summary>True when the named cube's centre lies inside the interior of the box formed by the named walls' extent.</summary>
    public bool IsInside(string cube, string wallPrefix)
    {
        var walls = Objects.Where(o => o.Name.StartsWith(wallPrefix, StringComparison.Ordinal)).ToArray();
        SceneObject? target = Objects.FirstOrDefault(o => o.Name == cube);
        if (walls.Length == 0 || target is null || target.Held)
        {
            return false;
        }

        double[] c = target.Center;
        return c[0] > walls.Min(w => w.Min[0]) && c[0] < walls.Max(w => w.Max[0])
            && c[1] > walls.Min(w => w.Min[1]) && c[1] < walls.Max(w => w.Max[1]);
    }

    /// <summary>Checks grasp and release against the plant's current state. Plant thread.</summary>
    public void Update()
    {
        if (_gripperJoint < 0)
        {
            return;
        }

        ForwardKinematics.Compute(_data, _plant.Positions);
        Vec3 tool = _data.FramePose(_toolFrame).Translation;
        double gripper = _plant.Positions[_gripperJoint];
        bool closed = gripper < ClosedBelowRad;
        // Three stores, no array per update: a reader may see components of neighbouring updates (display only).
        Volatile.Write(ref _toolX, tool.X);
        Volatile.Write(ref _toolY, tool.Y);
        Volatile.Write(ref _toolZ, tool.Z);
        if (closed && !_wasClosed)
        {
            LastCloseToolPosition = [tool.X, tool.Y, tool.Z];
        }

        bool open = gripper > OpenAboveRad;
        if (_held < 0 && closed && !_wasClosed)
        {
            int cube = _boxes.FindIndex(b => b.Movable && Contains(b, tool, 0.01));
            if (cube >= 0)
            {
                _held = cube;
                _heldOffset = Center(_boxes[cube]) - tool;
                _plant.AttachPayload(_plant.Model.Frames[_toolFrame].Name, RigidInertia.FromCenterOfMass(CubeMassKg, Vec3.Zero, default));
                Grasps++;
            }
        }
        else if (_held >= 0 && open)
        {
            Drop(_held, tool + _heldOffset);
            _held = -1;
            _plant.DetachPayloads();
            Releases++;
        }

        bool changed = Grasps + Releases != _publishedEvents;
        if (_held >= 0)
        {
            MoveTo(_boxes[_held], tool + _heldOffset);
            changed |= ++_heldUpdates % 5 == 0; // a carried cube is republished at 20 Hz, enough for the camera
        }

        _wasClosed = closed;
        if (changed)
        {
            // Publishing allocates a snapshot; doing it only on change keeps the plant thread from feeding the GC,
            // whose collections would pause the loop thread too.
            _publishedEvents = Grasps + Releases;
            Publish();
        }
    }

    private void Drop(int index, Vec3 center)
    {
        MutableBox box = _boxes[index];
        MoveTo(box, center);
        double halfHeight = (box.Max.Z - box.Min.Z) / 2;
        double floor = TableHeightM;
        foreach (MutableBox other in _boxes)
        {
            bool overlaps = other != box && other.Min.X < box.Max.X && box.Min.X < other.Max.X && other.Min.Y < box.Max.Y && box.Min.Y < other.Max.Y;
            if (overlaps && other.Max.Z <= center.Z + 1e-9)
            {
                floor = Math.Max(floor, other.Max.Z);
            }
        }

        MoveTo(box, new Vec3(center.X, center.Y, floor + halfHeight));
    }

    private static bool Contains(MutableBox b, in Vec3 p, double margin) =>
        p.X > b.Min.X - margin && p.X < b.Max.X + margin && p.Y > b.Min.Y - margin && p.Y < b.Max.Y + margin && p.Z > b.Min.Z - margin && p.Z < b.Max.Z + margin;

    private static Vec3 Center(MutableBox b) => 0.5 * (b.Min + b.Max);

    private static void MoveTo(MutableBox b, in Vec3 center)
    {
        Vec3 half = 0.5 * (b.Max - b.Min);
        b.Min = center - half;
        b.Max = center + half;
    }

    private void Publish() => Volatile.Write(ref _snapshot, _boxes.Select((b, i) =>
        new SceneObject(b.Name, [b.Min.X, b.Min.Y, b.Min.Z], [b.Max.X, b.Max.Y, b.Max.Z], b.Movable, i == _held)).ToArray());

    private static Vec3 ToVec(double[] v) => new(v[0], v[1], v[2]);

    private sealed class MutableBox(string name, Vec3 min, Vec3 max, bool movable)
    {
        public string Name { get; } = name;

        public Vec3 Min { get; set; } = min;

        public Vec3 Max { get; set; } = max;

        public bool Movable { get; } = movable;
    }
}
