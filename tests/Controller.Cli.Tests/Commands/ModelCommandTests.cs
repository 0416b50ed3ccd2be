using System.Text.Json;

namespace Controller.Cli.Tests.Commands;

public sealed class ModelCommandTests
{
    private static string Data(string file) => Path.Combine(AppContext.BaseDirectory, "Data", file);

    private static readonly JsonElement KdlCase = JsonDocument.Parse(File.ReadAllText(Data("kdl-franka_panda-panda_hand.json")))
        .RootElement.GetProperty("cases")[0];

    /// <summary>robotctl model SUB urdf --base --tip ARGS (values of --q run to the next option, as a user types them).</summary>
    private static string[] PandaArm(params string[] args) =>
        [args[0], args[1], Data("franka_panda.urdf"), "--base", "panda_link0", "--tip", "panda_hand", .. args[2..]];

    private static string[] KdlValues(string name) =>
        KdlCase.GetProperty(name).EnumerateArray().Select(v => v.GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void Inspect_Json_ListsJointsInModelOrderWithLimits()
    {
        var (code, output, _) = CliRunner.Run("model", "inspect", Data("so101_new_calib.urdf"), "--json");

        Assert.Equal(0, code);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(6, root.GetProperty("dof").GetInt32());
        var joints = root.GetProperty("joints").EnumerateArray().ToArray();
        Assert.Equal("shoulder_pan", joints[0].GetProperty("name").GetString());
        foreach (string key in new[] { "name", "type", "lower", "upper", "velocity", "effort" })
        {
            Assert.True(joints[0].TryGetProperty(key, out _), key);
        }

        Assert.Equal(-1.91986, joints[0].GetProperty("lower").GetDouble(), 4);
    }

    [Fact]
    public void Inspect_Text_ShowsTreeAndDof()
    {
        var (code, output, _) = CliRunner.Run("model", "inspect", Data("unitree_g1_29dof.urdf"));

        Assert.Equal(0, code);
        Assert.Contains("29 degrees of freedom", output);
        Assert.Contains("left_knee_joint", output);
    }

    [Fact]
    public void Fk_Json_MatchesKdl()
    {
        var (code, output, error) = CliRunner.Run(PandaArm(["model", "fk", "--json", "--frame", "panda_hand", "--q", .. KdlValues("q")]));

        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        var expected = KdlCase.GetProperty("frames").GetProperty("panda_hand");
        var position = root.GetProperty("position").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var rotation = root.GetProperty("rotation").EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(v => v.GetDouble()).ToArray();
        Assert.Equal(expected.GetProperty("position").EnumerateArray().Select(v => v.GetDouble()), position, (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal(expected.GetProperty("rotation").EnumerateArray().Select(v => v.GetDouble()), rotation, (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void Jacobian_Json_SixRowsMatchingKdl()
    {
        var (code, output, _) = CliRunner.Run(PandaArm(["model", "jacobian", "--json", "--frame", "panda_hand", "--q", string.Join(",", KdlValues("q"))]));

        Assert.Equal(0, code);
        var rows = JsonDocument.Parse(output).RootElement.GetProperty("jacobian").EnumerateArray().ToArray();
        Assert.Equal(6, rows.Length);
        var flat = rows.SelectMany(r => r.EnumerateArray()).Select(v => v.GetDouble());
        Assert.Equal(KdlCase.GetProperty("jacobian").EnumerateArray().Select(v => v.GetDouble()), flat, (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void Id_Json_TauMatchesKdl()
    {
        var (code, output, _) = CliRunner.Run(PandaArm(["model", "id", "--json", "--q", .. KdlValues("q"), "--qd", .. KdlValues("qd"), "--qdd", .. KdlValues("qdd")]));

        Assert.Equal(0, code);
        var tau = JsonDocument.Parse(output).RootElement.GetProperty("tau").EnumerateArray().Select(v => v.GetDouble());
        Assert.Equal(KdlCase.GetProperty("tau").EnumerateArray().Select(v => v.GetDouble()), tau, (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void Fk_WrongNumberOfValues_Exit2NamingTheJoints()
    {
        var (code, _, error) = CliRunner.Run(PandaArm(["model", "fk", "--q", "0", "0"]));

        Assert.Equal(2, code);
        Assert.Contains("--q has 2 values", error);
        Assert.Contains("panda_joint7", error);
    }

    [Fact]
    public void Fk_NotANumber_ReportsTheToken()
    {
        var (code, _, error) = CliRunner.Run(PandaArm(["model", "fk", "--q", "0,abc,0"]));

        Assert.NotEqual(0, code);
        Assert.Contains("'abc' is not a finite number", error);
    }

    [Fact]
    public void Inspect_BrokenUrdf_Exit2WithTheParsersMessage()
    {
        string path = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.urdf");
        File.WriteAllText(path, "<robot name=\"r\">\n<link name=\"a\"/>\n<joint name=\"j\" type=\"hinge\"><parent link=\"a\"/><child link=\"b\"/></joint>\n</robot>");
        try
        {
            var (code, _, error) = CliRunner.Run("model", "inspect", path);

            Assert.Equal(2, code);
            Assert.Contains("hinge", error);
            Assert.Contains(".urdf(3): <joint> attribute 'type'", error);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
