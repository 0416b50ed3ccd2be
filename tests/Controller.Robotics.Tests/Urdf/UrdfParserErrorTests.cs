using Controller.Robotics.Urdf;

namespace Controller.Robotics.Tests.Urdf;

public class UrdfParserErrorTests
{
    private static UrdfException Fail(string body) =>
        Assert.Throws<UrdfException>(() => UrdfParser.Parse($"<robot name=\"r\">\n{body}\n</robot>", "t.urdf"));

    private const string TwoLinks = "<link name=\"a\"/>\n<link name=\"b\"/>\n";

    [Fact]
    public void Parse_MalformedXml_ThrowsWithLine()
    {
        var e = Assert.Throws<UrdfException>(() => UrdfParser.Parse("<robot name=\"r\">\n<link name=\"a\">\n</robot>", "t.urdf"));
        Assert.Equal(3, e.Line);
        Assert.Contains("t.urdf(3)", e.Message);
    }

    [Fact]
    public void Parse_BadNumber_NamesElementAttributeLine()
    {
        var e = Fail(TwoLinks + "<joint name=\"j\" type=\"revolute\"><parent link=\"a\"/><child link=\"b\"/>\n<limit lower=\"x\" upper=\"1\" velocity=\"1\" effort=\"1\"/></joint>");
        Assert.Equal(("limit", "lower", 5), (e.Element, e.Attribute, e.Line));
    }

    [Theory]
    [InlineData("<joint name=\"j\" type=\"weird\"><parent link=\"a\"/><child link=\"b\"/></joint>", "unknown joint type")]
    [InlineData("<joint name=\"j\" type=\"revolute\"><parent link=\"a\"/><child link=\"b\"/></joint>", "has no <limit>")]
    [InlineData("<joint name=\"j\" type=\"fixed\"><parent link=\"a\"/><child link=\"c\"/></joint>", "does not exist")]
    [InlineData("<joint name=\"j\" type=\"fixed\"><parent link=\"a\"/></joint>", "has no <child>")]
    [InlineData("<joint type=\"fixed\"><parent link=\"a\"/><child link=\"b\"/></joint>", "missing required")]
    [InlineData("<joint name=\"j\" type=\"continuous\"><parent link=\"a\"/><child link=\"b\"/><axis xyz=\"0 0 0\"/></joint>", "zero")]
    [InlineData("<joint name=\"j\" type=\"fixed\"><origin xyz=\"1 2\"/><parent link=\"a\"/><child link=\"b\"/></joint>", "expected 3 numbers")]
    [InlineData("<joint name=\"j\" type=\"fixed\"><origin xyz=\"1 2 NaN\"/><parent link=\"a\"/><child link=\"b\"/></joint>", "not a finite")]
    [InlineData("<link name=\"a\"/>", "duplicate link")]
    [InlineData("", "2 root links")]
    [InlineData("<joint name=\"j\" type=\"fixed\"><parent link=\"a\"/><child link=\"b\"/></joint><joint name=\"j\" type=\"fixed\"><parent link=\"a\"/><child link=\"b\"/></joint>", "duplicate joint")]
    [InlineData("<link name=\"c\"/><joint name=\"j\" type=\"fixed\"><parent link=\"a\"/><child link=\"b\"/></joint><joint name=\"k\" type=\"fixed\"><parent link=\"c\"/><child link=\"b\"/></joint>", "two parents")]
    [InlineData("<link name=\"c\"/><joint name=\"j\" type=\"fixed\"><parent link=\"b\"/><child link=\"c\"/></joint><joint name=\"k\" type=\"fixed\"><parent link=\"c\"/><child link=\"b\"/></joint>", "cycle")]
    [InlineData("<joint name=\"j\" type=\"continuous\"><parent link=\"a\"/><child link=\"b\"/><mimic joint=\"q\"/></joint>", "does not exist")]
    public void Parse_InvalidRobot_ThrowsWithClearMessage(string body, string expected) =>
        Assert.Contains(expected, Fail(TwoLinks + body).Message);

    [Fact]
    public void Parse_NegativeMass_Throws() =>
        Assert.Contains("negative mass", Fail("<link name=\"a\"><inertial><mass value=\"-1\"/><inertia ixx=\"1\" ixy=\"0\" ixz=\"0\" iyy=\"1\" iyz=\"0\" izz=\"1\"/></inertial></link>").Message);

    [Fact]
    public void Parse_CycleWithoutRoot_Throws() =>
        Assert.Contains("no root", Fail(TwoLinks + "<joint name=\"j\" type=\"fixed\"><parent link=\"a\"/><child link=\"b\"/></joint><joint name=\"k\" type=\"fixed\"><parent link=\"b\"/><child link=\"a\"/></joint>").Message);
}
