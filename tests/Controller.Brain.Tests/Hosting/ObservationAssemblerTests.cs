using Controller.Brain.Hosting;
using Controller.Brain.Manifests;
using Controller.Brain.Tests.Support;
using Controller.Pipeline.Messages;

namespace Controller.Brain.Tests.Hosting;

public class ObservationAssemblerTests
{
    [Fact]
    public void SetImage_CropAndResizeNhwc_SamplesBilinear()
    {
        using var folder = new TempFolder();
        using var host = ModelHost.Create(ManifestParser.Load(TestModels.WritePlannerExample(folder)));
        var obs = new ObservationAssembler(host, 6);
        // Red = column index / 2.5 inside the crop (a horizontal ramp), green = 7, blue = row index / 2.
        var pixels = new byte[640 * 480 * 3];
        for (int y = 0; y < 480; y++)
            for (int x = 0; x < 640; x++)
            {
                int at = (y * 640 + x) * 3;
                pixels[at] = (byte)Math.Clamp((x - 80) / 2.5, 0, 255);
                pixels[at + 1] = 7;
                pixels[at + 2] = (byte)(y / 2);
            }
        Assert.Equal(AssemblyStatus.Ok, obs.SetImage("observation.images.wrist", new CameraFrame(pixels, 640, 480, 3, 0)));
        var t = host.Inputs["image"].Floats;
        // 480 → 64: output pixel x samples crop column (x + .5)·7.5 − .5; the ramp is linear there, so bilinear is exact up to byte rounding.
        for (int x = 0; x < 64; x += 9)
        {
            float column = (x + 0.5f) * 7.5f - 0.5f;
            Assert.Equal(column / 2.5f / 255f, t[(10 * 64 + x) * 3], 0.01f);
            Assert.Equal(7 / 255f, t[(10 * 64 + x) * 3 + 1], 1e-6f);
        }
    }

    [Fact]
    public void SetImage_FrameSmallerThanCropOrWrongChannels_ShapeMismatch()
    {
        using var folder = new TempFolder();
        using var host = ModelHost.Create(ManifestParser.Load(TestModels.WritePlannerExample(folder)));
        var obs = new ObservationAssembler(host, 6);
        Assert.Equal(AssemblyStatus.ShapeMismatch, obs.SetImage("observation.images.wrist", new CameraFrame(new byte[320 * 240 * 3], 320, 240, 3, 0)));
        Assert.Equal(AssemblyStatus.ShapeMismatch, obs.SetImage("observation.images.wrist", new CameraFrame(new byte[640 * 480], 640, 480, 1, 0)));
        Assert.Equal(AssemblyStatus.UnknownFeature, obs.SetImage("observation.images.top", new CameraFrame(new byte[3], 1, 1, 3, 0)));
    }

    [Fact]
    public void SetState_NaN_LeavesTensorUnchanged()
    {
        using var folder = new TempFolder();
        using var host = ModelHost.Create(ManifestParser.Load(TestModels.WriteRecurrentExample(folder)));
        var obs = new ObservationAssembler(host, 6);
        var s = new JointState { JointCount = 6 };
        s.Position[0] = 1.5;
        Assert.Equal(AssemblyStatus.Ok, obs.SetState(in s));
        float before = host.Inputs["state"].Floats[0];
        s.Position[3] = double.NaN;
        Assert.Equal(AssemblyStatus.NotFinite, obs.SetState(in s));
        Assert.Equal(before, host.Inputs["state"].Floats[0]);
        Assert.Equal(AssemblyStatus.ShapeMismatch, obs.SetState(new JointState { JointCount = 3 }));
    }

    [Fact]
    public void Constructor_StateWidthNotMultipleOfJoints_ThrowsNamingBoth()
    {
        using var folder = new TempFolder();
        using var host = ModelHost.Create(ManifestParser.Load(TestModels.WriteRecurrentExample(folder)));
        var e = Assert.Throws<ArgumentException>(() => new ObservationAssembler(host, 4));
        Assert.Contains("observation.state has 6 values; with 4 joints", e.Message);
    }
}
