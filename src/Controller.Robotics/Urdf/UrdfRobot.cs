namespace Controller.Robotics.Urdf;

/// <summary>
/// An immutable, validated URDF robot: a tree of links joined by joints, with exactly one root link.
/// Built only by <see cref="UrdfParser"/>.
/// </summary>
public sealed class UrdfRobot
{
    private readonly Dictionary<string, UrdfLink> _links;
    private readonly Dictionary<string, UrdfJoint> _joints;
    private readonly Dictionary<string, UrdfJoint> _parentJoint;
    private readonly ILookup<string, UrdfJoint> _childJoints;

    internal UrdfRobot(string name, string rootLink, UrdfLink[] links, UrdfJoint[] joints)
    {
        Name = name;
        RootLink = rootLink;
        Links = Array.AsReadOnly(links);
        Joints = Array.AsReadOnly(joints);
        _links = links.ToDictionary(l => l.Name, StringComparer.Ordinal);
        _joints = joints.ToDictionary(j => j.Name, StringComparer.Ordinal);
        _parentJoint = joints.ToDictionary(j => j.Child, StringComparer.Ordinal);
        _childJoints = joints.ToLookup(j => j.Parent, StringComparer.Ordinal);
        MovableJoints = Array.AsReadOnly(joints.Where(j => j.IsMovable).OrderBy(j => j.Name, StringComparer.Ordinal).ToArray());
        ActuatedJoints = Array.AsReadOnly(MovableJoints.Where(j => !j.IsMimic).ToArray());
    }

    /// <summary>The robot's name.</summary>
    public string Name { get; }

    /// <summary>The name of the root link, the only link without a parent joint.</summary>
    public string RootLink { get; }

    /// <summary>Every link, in document order.</summary>
    public IReadOnlyList<UrdfLink> Links { get; }

    /// <summary>Every joint, in document order.</summary>
    public IReadOnlyList<UrdfJoint> Joints { get; }

    /// <summary>
    /// The joints that move (every type but fixed), mimic joints included, sorted by name (ordinal): the
    /// model's joint order.
    /// </summary>
    public IReadOnlyList<UrdfJoint> MovableJoints { get; }

    /// <summary>The movable joints that mimic no other (the independent coordinates), sorted by name.</summary>
    public IReadOnlyList<UrdfJoint> ActuatedJoints { get; }

    /// <summary>The link of that name.</summary>
    /// <param name="name">The link's name.</param>
    /// <returns>The link.</returns>
    /// <exception cref="KeyNotFoundException">No link has that name.</exception>
    public UrdfLink Link(string name) =>
        _links.TryGetValue(name, out UrdfLink? link) ? link : throw new KeyNotFoundException($"robot '{Name}' has no link '{name}'");

    /// <summary>The joint of that name.</summary>
    /// <param name="name">The joint's name.</param>
    /// <returns>The joint.</returns>
    /// <exception cref="KeyNotFoundException">No joint has that name.</exception>
    public UrdfJoint Joint(string name) =>
        _joints.TryGetValue(name, out UrdfJoint? joint) ? joint : throw new KeyNotFoundException($"robot '{Name}' has no joint '{name}'");

    /// <summary>Whether a link of that name exists.</summary>
    /// <param name="name">The link's name.</param>
    /// <returns>True where it exists.</returns>
    public bool HasLink(string name) => _links.ContainsKey(name);

    /// <summary>Whether a joint of that name exists.</summary>
    /// <param name="name">The joint's name.</param>
    /// <returns>True where it exists.</returns>
    public bool HasJoint(string name) => _joints.ContainsKey(name);

    /// <summary>The joint whose child is that link, or null for the root link.</summary>
    /// <param name="link">The link's name.</param>
    /// <returns>The parent joint, or null.</returns>
    public UrdfJoint? ParentJoint(string link) => _parentJoint.GetValueOrDefault(link);

    /// <summary>The joints whose parent is that link, in document order.</summary>
    /// <param name="link">The link's name.</param>
    /// <returns>The child joints; empty for a leaf.</returns>
    public IEnumerable<UrdfJoint> ChildJoints(string link) => _childJoints[link];

    /// <summary>
    /// The joints, fixed ones included, on the path from <paramref name="baseLink"/> down to
    /// <paramref name="tipLink"/>, ordered base first; empty where the two are the same link.
    /// </summary>
    /// <param name="baseLink">The link the chain starts at; an ancestor of the tip (or the tip itself).</param>
    /// <param name="tipLink">The link the chain ends at.</param>
    /// <returns>The ordered joints.</returns>
    /// <exception cref="ArgumentException">A link does not exist, or the base is not an ancestor of the tip.</exception>
    public IReadOnlyList<UrdfJoint> Chain(string baseLink, string tipLink)
    {
        if (!HasLink(baseLink)) throw new ArgumentException($"robot '{Name}' has no link '{baseLink}'", nameof(baseLink));
        if (!HasLink(tipLink)) throw new ArgumentException($"robot '{Name}' has no link '{tipLink}'", nameof(tipLink));
        var chain = new List<UrdfJoint>();
        string link = tipLink;
        while (link != baseLink)
        {
            UrdfJoint? joint = ParentJoint(link)
                ?? throw new ArgumentException($"robot '{Name}' has no chain from '{baseLink}' to '{tipLink}': '{baseLink}' is not an ancestor of '{tipLink}'", nameof(baseLink));
            chain.Add(joint);
            link = joint.Parent;
        }
        chain.Reverse();
        return chain.AsReadOnly();
    }
}
