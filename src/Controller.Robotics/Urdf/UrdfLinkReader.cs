using System.Xml.Linq;

namespace Controller.Robotics.Urdf;

/// <summary>Reads one <c>&lt;link&gt;</c> element.</summary>
internal static class UrdfLinkReader
{
    /// <summary>Reads the link's name and inertial; geometry is ignored.</summary>
    public static UrdfLink Read(UrdfElementReader reader, XElement element)
    {
        string name = reader.Required(element, "name", "<link>");
        string owner = $"link '{name}'";
        XElement? inertialElement = reader.OptionalChild(element, "inertial", owner);
        if (inertialElement is null) return new UrdfLink(name, null);

        UrdfPose origin = reader.Origin(inertialElement, owner);
        XElement massElement = reader.RequiredChild(inertialElement, "mass", owner);
        double mass = reader.Number(massElement, "value", owner, null);
        if (mass < 0) throw reader.Error(massElement, "value", $"negative mass {mass} in {owner}");

        XElement i = reader.RequiredChild(inertialElement, "inertia", owner);
        var inertia = new UrdfInertia(
            reader.Number(i, "ixx", owner, null), reader.Number(i, "ixy", owner, null), reader.Number(i, "ixz", owner, null),
            reader.Number(i, "iyy", owner, null), reader.Number(i, "iyz", owner, null), reader.Number(i, "izz", owner, null));
        return new UrdfLink(name, new UrdfInertial(mass, origin, inertia));
    }
}
