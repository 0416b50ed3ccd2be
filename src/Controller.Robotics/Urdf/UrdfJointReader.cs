using System.Xml.Linq;

namespace Controller.Robotics.Urdf;

/// <summary>Reads one <c>&lt;joint&gt;</c> element (its links are checked later, by the tree builder).</summary>
internal static class UrdfJointReader
{
    /// <summary>Reads the joint's type, links, origin, axis, limit, dynamics and mimic.</summary>
    public static UrdfJoint Read(UrdfElementReader reader, XElement element)
    {
        string name = reader.Required(element, "name", "<joint>");
        string owner = $"joint '{name}'";
        UrdfJointType type = ReadType(reader, element, owner);
        string parent = reader.Required(reader.RequiredChild(element, "parent", owner), "link", owner);
        string child = reader.Required(reader.RequiredChild(element, "child", owner), "link", owner);
        UrdfPose origin = reader.Origin(element, owner);
        Vector3d axis = ReadAxis(reader, element, type, owner);
        UrdfLimit? limit = ReadLimit(reader, element, type, owner);

        UrdfDynamics? dynamics = null;
        if (reader.OptionalChild(element, "dynamics", owner) is { } d)
            dynamics = new UrdfDynamics(reader.Number(d, "damping", owner, 0), reader.Number(d, "friction", owner, 0));

        UrdfMimic? mimic = null;
        if (reader.OptionalChild(element, "mimic", owner) is { } m)
        {
            mimic = new UrdfMimic(reader.Required(m, "joint", owner),
                reader.Number(m, "multiplier", owner, 1), reader.Number(m, "offset", owner, 0));
        }
        return new UrdfJoint(name, type, parent, child, origin, axis, limit, dynamics, mimic);
    }

    private static UrdfJointType ReadType(UrdfElementReader reader, XElement element, string owner) =>
        reader.Required(element, "type", owner) switch
        {
            "revolute" => UrdfJointType.Revolute,
            "continuous" => UrdfJointType.Continuous,
            "prismatic" => UrdfJointType.Prismatic,
            "fixed" => UrdfJointType.Fixed,
            "floating" => UrdfJointType.Floating,
            "planar" => UrdfJointType.Planar,
            string other => throw reader.Error(element, "type",
                $"unknown joint type '{other}' in {owner} (expected revolute, continuous, prismatic, fixed, floating or planar)"),
        };

    private static Vector3d ReadAxis(UrdfElementReader reader, XElement element, UrdfJointType type, string owner)
    {
        XElement? axisElement = reader.OptionalChild(element, "axis", owner);
        if (axisElement is null) return Vector3d.UnitX;
        Vector3d axis = reader.Triple(axisElement, "xyz", owner, Vector3d.UnitX);
        double norm = axis.Norm;
        if (norm > 1e-12 && double.IsFinite(norm)) return axis.Normalized();
        if (type is UrdfJointType.Fixed or UrdfJointType.Floating) return Vector3d.UnitX; // the axis is unused
        throw reader.Error(axisElement, "xyz", $"the axis of {owner} is zero or too large to normalise");
    }

    private static UrdfLimit? ReadLimit(UrdfElementReader reader, XElement element, UrdfJointType type, string owner)
    {
        XElement? l = reader.OptionalChild(element, "limit", owner);
        if (l is null)
        {
            if (type is UrdfJointType.Revolute or UrdfJointType.Prismatic)
                throw reader.Error(element, null, $"{type.ToString().ToLowerInvariant()} {owner} has no <limit>");
            return null;
        }
        double lower = reader.Number(l, "lower", owner, 0);
        double upper = reader.Number(l, "upper", owner, 0);
        double velocity = reader.Number(l, "velocity", owner, null);
        double effort = reader.Number(l, "effort", owner, null);
        if (lower > upper) throw reader.Error(l, "upper", $"upper limit {upper} is below lower limit {lower} in {owner}");
        if (velocity < 0) throw reader.Error(l, "velocity", $"negative velocity limit {velocity} in {owner}");
        if (effort < 0) throw reader.Error(l, "effort", $"negative effort limit {effort} in {owner}");
        return new UrdfLimit(lower, upper, velocity, effort);
    }
}
