using System.Xml;
using System.Xml.Linq;

namespace Controller.Robotics.Urdf;

/// <summary>
/// Reads URDF text into an immutable <see cref="UrdfRobot"/>. Only the kinematic and inertial content is
/// read: links, joints, origins, axes, limits, dynamics, inertials and mimics. Geometry (meshes),
/// materials, transmissions and simulator extensions are ignored and never loaded.
/// </summary>
public static class UrdfParser
{
    /// <summary>Parses URDF text.</summary>
    /// <param name="xml">The URDF document.</param>
    /// <param name="sourceName">A name for the text (usually its file name), used in error messages.</param>
    /// <returns>The validated robot model.</returns>
    /// <exception cref="UrdfException">The text is not well-formed XML, or does not describe a valid robot tree.</exception>
    public static UrdfRobot Parse(string xml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentNullException.ThrowIfNull(sourceName);
        var reader = new UrdfElementReader(sourceName);
        XElement robot = Load(xml, sourceName).Root!;
        if (robot.Name.LocalName != "robot")
            throw reader.Error(robot, null, $"the root element is <{robot.Name.LocalName}>, expected <robot>");
        string name = reader.Required(robot, "name", "<robot>");

        var links = new List<(UrdfLink Link, XElement Element)>();
        var joints = new List<(UrdfJoint Joint, XElement Element)>();
        foreach (XElement element in robot.Elements())
        {
            switch (element.Name.LocalName)
            {
                case "link": links.Add((UrdfLinkReader.Read(reader, element), element)); break;
                case "joint": joints.Add((UrdfJointReader.Read(reader, element), element)); break;
            }
        }
        return UrdfTreeBuilder.Build(reader, robot, name, links, joints);
    }

    /// <summary>Reads and parses a URDF file; the file name is used as the source name in error messages.</summary>
    /// <param name="path">Path of the URDF file.</param>
    /// <returns>The validated robot model.</returns>
    /// <exception cref="UrdfException">The file's content is not a valid URDF.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static UrdfRobot ParseFile(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    private static XDocument Load(string xml, string sourceName)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, // no entity expansion, no external fetches
            XmlResolver = null,
            IgnoreWhitespace = true,
            IgnoreComments = true,
        };
        try
        {
            using var stringReader = new StringReader(xml);
            using var xmlReader = XmlReader.Create(stringReader, settings);
            return XDocument.Load(xmlReader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new UrdfException(sourceName, e.LineNumber, "", null, $"malformed XML: {e.Message}", e);
        }
    }
}
