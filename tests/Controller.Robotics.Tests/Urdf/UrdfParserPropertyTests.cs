using System.Text.RegularExpressions;
using Controller.Robotics.Urdf;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Robotics.Tests.Urdf;

public class UrdfParserPropertyTests
{
    private static readonly string[] Files = ["franka_panda.urdf", "so101_new_calib.urdf", "unitree_g1_29dof.urdf"];
    private static readonly string[] Texts = Files.Select(f => File.ReadAllText(RealUrdfTests.DataPath(f))).ToArray();
    private const string Noise = "<>/\"'= .-e0123456789abxyz&;\n";

    private static bool ParsesOrUrdfException(string text)
    {
        UrdfRobot robot;
        try { robot = UrdfParser.Parse(text, "fuzz"); }
        catch (UrdfException) { return true; }
        return IsConsistent(robot);
    }

    private static bool IsConsistent(UrdfRobot r) =>
        r.Joints.Count == r.Links.Count - 1
        && r.ParentJoint(r.RootLink) is null
        && r.Links.All(l => l.Name == r.RootLink || r.ParentJoint(l.Name) is not null)
        && r.Joints.All(j => r.HasLink(j.Parent) && r.HasLink(j.Child) && Math.Abs(j.Axis.Norm - 1) < 1e-9)
        && r.MovableJoints.Select(j => j.Name).SequenceEqual(r.MovableJoints.Select(j => j.Name).Order(StringComparer.Ordinal))
        && r.Links.All(l => r.Chain(r.RootLink, l.Name).Count >= 0);

    private static string Mutate(string text, int seed)
    {
        var rng = new Random(seed);
        int edits = rng.Next(1, 4);
        for (int i = 0; i < edits && text.Length > 0; i++)
        {
            int at = rng.Next(text.Length);
            switch (rng.Next(5))
            {
                case 0: text = text.Remove(at, 1); break;
                case 1: text = text.Insert(at, text[at].ToString()); break;
                case 2: text = text.Remove(at, 1).Insert(at, Noise[rng.Next(Noise.Length)].ToString()); break;
                default:
                    var attrs = Regex.Matches(text, "\\s[a-z_]+=\"[^\"]*\"");
                    var m = attrs[rng.Next(attrs.Count)];
                    text = rng.Next(2) == 0
                        ? text.Remove(m.Index, m.Length)
                        : text.Remove(m.Index, m.Length).Insert(m.Index, m.Value[..(m.Value.IndexOf('"') + 1)] + Noise[rng.Next(Noise.Length)] + "\"");
                    break;
            }
        }
        return text;
    }

    [Fact]
    public void Parse_RealFiles_AreConsistent() => Assert.All(Texts, t => Assert.True(IsConsistent(UrdfParser.Parse(t, "real"))));

    [Fact]
    public void Parse_MutatedRealUrdf_ParsesOrThrowsUrdfException()
    {
        var arb = Gen.Choose(0, int.MaxValue - 1).ToArbitrary();
        Prop.ForAll(arb, seed => ParsesOrUrdfException(Mutate(Texts[seed % Texts.Length], seed)))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parse_RandomStrings_ParsesOrThrowsUrdfException() =>
        Prop.ForAll(ArbMap.Default.ArbFor<NonNull<string>>(), s => ParsesOrUrdfException(s.Get)).QuickCheckThrowOnFailure();

    [Fact]
    public void Parse_RandomUrdfTokens_ParsesOrThrowsUrdfException()
    {
        string[] tokens = ["<robot name=\"r\">", "</robot>", "<link name=\"a\"/>", "<link name=\"b\"/>", "<link name=\"c\"/>",
            "<joint name=\"j\" type=\"fixed\">", "<joint name=\"k\" type=\"revolute\">", "</joint>", "<parent link=\"a\"/>",
            "<parent link=\"b\"/>", "<child link=\"b\"/>", "<child link=\"c\"/>", "<limit velocity=\"1\" effort=\"1\"/>",
            "<axis xyz=\"0 0 1\"/>", "<mimic joint=\"j\"/>", "<origin xyz=\"1 2 3\"/>"];
        var gen = Gen.ArrayOf(Gen.Elements(tokens)).Select(t => "<robot name=\"r\">" + string.Concat(t) + "</robot>");
        Prop.ForAll(gen.ToArbitrary(), ParsesOrUrdfException).QuickCheckThrowOnFailure();
    }
}
