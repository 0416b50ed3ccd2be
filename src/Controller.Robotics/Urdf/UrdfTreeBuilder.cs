using System.Xml.Linq;

namespace Controller.Robotics.Urdf;

/// <summary>
/// Checks that parsed links and joints form one tree (unique names, existing links, one parent per link,
/// exactly one root, no cycles, valid mimics) and builds the <see cref="UrdfRobot"/>.
/// </summary>
internal static class UrdfTreeBuilder
{
    /// <summary>Validates the tree and builds the robot.</summary>
    public static UrdfRobot Build(UrdfElementReader reader, XElement robot, string name,
        List<(UrdfLink Link, XElement Element)> links, List<(UrdfJoint Joint, XElement Element)> joints)
    {
        if (links.Count == 0) throw reader.Error(robot, null, $"robot '{name}' has no <link>");

        var linkElements = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var (link, element) in links)
        {
            if (!linkElements.TryAdd(link.Name, element))
                throw reader.Error(element, "name", $"duplicate link name '{link.Name}' (first at line {UrdfElementReader.LineOf(linkElements[link.Name])})");
        }

        var jointsByName = new Dictionary<string, UrdfJoint>(StringComparer.Ordinal);
        var jointElements = new Dictionary<string, XElement>(StringComparer.Ordinal);
        var parentJoint = new Dictionary<string, UrdfJoint>(StringComparer.Ordinal);
        foreach (var (joint, element) in joints)
        {
            string owner = $"joint '{joint.Name}'";
            if (!jointsByName.TryAdd(joint.Name, joint))
                throw reader.Error(element, "name", $"duplicate joint name '{joint.Name}' (first at line {UrdfElementReader.LineOf(jointElements[joint.Name])})");
            jointElements.Add(joint.Name, element);
            if (!linkElements.ContainsKey(joint.Parent))
                throw reader.Error(element.Element("parent")!, "link", $"{owner} names parent link '{joint.Parent}', which does not exist");
            if (!linkElements.ContainsKey(joint.Child))
                throw reader.Error(element.Element("child")!, "link", $"{owner} names child link '{joint.Child}', which does not exist");
            if (joint.Parent == joint.Child)
                throw reader.Error(element.Element("child")!, "link", $"{owner} connects link '{joint.Child}' to itself (a cycle)");
            if (!parentJoint.TryAdd(joint.Child, joint))
                throw reader.Error(element.Element("child")!, "link",
                    $"link '{joint.Child}' has two parents: joints '{parentJoint[joint.Child].Name}' and '{joint.Name}'");
        }

        CheckMimics(reader, joints, jointsByName);
        string root = FindRoot(reader, robot, name, links, parentJoint);
        CheckReachable(reader, links, joints, root, jointElements);
        return new UrdfRobot(name, root, links.Select(l => l.Link).ToArray(), joints.Select(j => j.Joint).ToArray());
    }

    private static void CheckMimics(UrdfElementReader reader, List<(UrdfJoint Joint, XElement Element)> joints,
        Dictionary<string, UrdfJoint> jointsByName)
    {
        foreach (var (joint, element) in joints)
        {
            if (joint.Mimic is not { } mimic) continue;
            XElement at = element.Element("mimic")!;
            string owner = $"joint '{joint.Name}'";
            if (!joint.IsMovable) throw reader.Error(at, null, $"fixed {owner} cannot mimic another joint");
            if (!jointsByName.TryGetValue(mimic.Joint, out UrdfJoint? target))
                throw reader.Error(at, "joint", $"{owner} mimics joint '{mimic.Joint}', which does not exist");
            if (target.Name == joint.Name) throw reader.Error(at, "joint", $"{owner} mimics itself");
            if (!target.IsMovable) throw reader.Error(at, "joint", $"{owner} mimics fixed joint '{target.Name}'");
            if (target.IsMimic)
                throw reader.Error(at, "joint", $"{owner} mimics joint '{target.Name}', which itself mimics another (chains are not supported)");
        }
    }

    private static string FindRoot(UrdfElementReader reader, XElement robot, string name,
        List<(UrdfLink Link, XElement Element)> links, Dictionary<string, UrdfJoint> parentJoint)
    {
        var roots = links.Where(l => !parentJoint.ContainsKey(l.Link.Name)).ToList();
        if (roots.Count == 0)
            throw reader.Error(robot, null, $"robot '{name}' has no root link: every link has a parent, so the joints form a cycle");
        if (roots.Count > 1)
        {
            string names = string.Join(", ", roots.Take(10).Select(r => $"'{r.Link.Name}'")) + (roots.Count > 10 ? ", …" : "");
            throw reader.Error(roots[1].Element, null, $"robot '{name}' has {roots.Count} root links (links without a parent joint): {names}; a URDF must form one tree");
        }
        return roots[0].Link.Name;
    }

    private static void CheckReachable(UrdfElementReader reader, List<(UrdfLink Link, XElement Element)> links,
        List<(UrdfJoint Joint, XElement Element)> joints, string root, Dictionary<string, XElement> jointElements)
    {
        var children = joints.ToLookup(j => j.Joint.Parent, j => j.Joint.Child, StringComparer.Ordinal);
        var reached = new HashSet<string>(StringComparer.Ordinal) { root };
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            foreach (string child in children[pending.Pop()])
            {
                if (reached.Add(child)) pending.Push(child);
            }
        }
        if (reached.Count == links.Count) return;

        // Every link has one parent, so a link the root cannot reach lies on, or hangs below, a cycle.
        var cycleJoint = joints.First(j => !reached.Contains(j.Joint.Child)).Joint;
        var unreached = links.Where(l => !reached.Contains(l.Link.Name)).Select(l => $"'{l.Link.Name}'").Take(10);
        throw reader.Error(jointElements[cycleJoint.Name], null,
            $"the joints form a cycle: links {string.Join(", ", unreached)} cannot be reached from root link '{root}'");
    }
}
