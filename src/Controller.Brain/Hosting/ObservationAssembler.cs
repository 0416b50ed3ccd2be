using Controller.Brain.Manifests;
using Controller.Brain.Text;
using Controller.Pipeline.Messages;

namespace Controller.Brain.Hosting;

/// <summary>
/// Writes observations into a <see cref="ModelHost"/>'s preallocated input tensors: joint state, wrench,
/// camera frames (crop, bilinear resize, pixel scale, per-channel normalisation, NCHW or NHWC), a joint-space
/// goal and the instruction text (tokenized). Every setter is allocation-free and returns a status, never throws.
/// A value that is not finite leaves the tensor unchanged.
/// </summary>
public sealed class ObservationAssembler
{
    private readonly Slot? _state;
    private readonly Slot? _wrench;
    private readonly Slot? _task;
    private readonly Slot? _taskMask;
    private readonly Slot? _goal;
    private readonly Dictionary<string, Slot> _images = new(StringComparer.Ordinal);
    private readonly int _jointCount;
    private readonly InstructionEncoder? _instruction;

    /// <summary>Binds the manifest's features to <paramref name="host"/>'s inputs for a robot with <paramref name="jointCount"/> joints.</summary>
    /// <exception cref="ArgumentException">When observation.state's width is not 1, 2 or 3 × the joint count.</exception>
    public ObservationAssembler(ModelHost host, int jointCount)
    {
        MessageLimits.ValidateJointCount(jointCount);
        _jointCount = jointCount;
        if (host.Manifest.Text is { } text) _instruction = new InstructionEncoder(text.Encoder, text.MaxLength);
        foreach (var f in host.Manifest.Inputs)
        {
            var tensor = host.Inputs[f.Tensor];
            host.Manifest.Stats.TryGetValue(f.Feature, out var stats);
            int width = f.Image?.Channels ?? (int)f.Shape[^1];
            var slot = new Slot(f, tensor, AffineNormalizer.Create(f.Normalization, stats, width));
            switch (f.Kind)
            {
                case FeatureKind.State:
                    if (width != jointCount && width != 2 * jointCount && width != 3 * jointCount)
                        throw new ArgumentException($"{f.YamlPath}: observation.state has {width} values; with {jointCount} joints it must be {jointCount} (positions), {2 * jointCount} (+ velocities) or {3 * jointCount} (+ efforts).", nameof(jointCount));
                    _state = slot;
                    break;
                case FeatureKind.Wrench: _wrench = slot; break;
                case FeatureKind.Task: _task = slot; break;
                case FeatureKind.TaskAttentionMask: _taskMask = slot; break;
                case FeatureKind.Goal: _goal = slot; break;
                default: _images[f.Feature] = slot; break;
            }
        }
    }

    /// <summary>Writes positions (then velocities and efforts if the state is wider) of the first joints.</summary>
    public AssemblyStatus SetState(in JointState state)
    {
        if (_state is null) return AssemblyStatus.UnknownFeature;
        if (state.JointCount < _jointCount) return AssemblyStatus.ShapeMismatch;
        int width = (int)_state.Feature.Shape[^1];
        for (int i = 0; i < width; i++) if (!float.IsFinite((float)StateValue(in state, i))) return AssemblyStatus.NotFinite;
        Span<float> into = _state.Tensor.Floats;
        for (int i = 0; i < width; i++) into[i] = _state.Normalizer.Apply((float)StateValue(in state, i), i);
        return AssemblyStatus.Ok;
    }

    /// <summary>Writes Fx, Fy, Fz (N), Tx, Ty, Tz (N·m).</summary>
    public AssemblyStatus SetWrench(in Wrench wrench)
    {
        if (_wrench is null) return AssemblyStatus.UnknownFeature;
        Span<double> v = [wrench.ForceXN, wrench.ForceYN, wrench.ForceZN, wrench.TorqueXNm, wrench.TorqueYNm, wrench.TorqueZNm];
        foreach (double x in v) if (!float.IsFinite((float)x)) return AssemblyStatus.NotFinite;
        Span<float> into = _wrench.Tensor.Floats;
        for (int i = 0; i < 6; i++) into[i] = _wrench.Normalizer.Apply((float)v[i], i);
        return AssemblyStatus.Ok;
    }

    /// <summary>
    /// Writes a joint-space goal (positions in model order; the model's width of them) into <c>observation.goal</c>.
    /// Fewer values than the model takes: <see cref="AssemblyStatus.ShapeMismatch"/>; a value not finite: tensor unchanged.
    /// </summary>
    public AssemblyStatus SetGoal(ReadOnlySpan<double> positions)
    {
        if (_goal is null) return AssemblyStatus.UnknownFeature;
        int width = (int)_goal.Feature.Shape[^1];
        if (positions.Length < width) return AssemblyStatus.ShapeMismatch;
        for (int i = 0; i < width; i++) if (!float.IsFinite((float)positions[i])) return AssemblyStatus.NotFinite;
        Span<float> into = _goal.Tensor.Floats;
        for (int i = 0; i < width; i++) into[i] = _goal.Normalizer.Apply((float)positions[i], i);
        return AssemblyStatus.Ok;
    }

    /// <summary>
    /// Tokenizes the instruction into the task input (padding the rest) and its attention mask when the model takes one.
    /// The tokenizer runs only when the text differs from the last call's; an unchanged instruction copies the kept
    /// ids and allocates nothing. Call on the brain's thread (a subword tokenizer allocates when the text changes).
    /// </summary>
    public AssemblyStatus SetTask(ReadOnlySpan<char> instruction)
    {
        if (_task is null || _instruction is null) return AssemblyStatus.UnknownFeature;
        _instruction.Update(instruction);
        _instruction.Ids.CopyTo(_task.Tensor.Int64s);
        if (_taskMask is not null) _instruction.Mask.CopyTo(_taskMask.Tensor.Int64s);
        return AssemblyStatus.Ok;
    }

    /// <summary>Times the instruction was tokenized (it changed); steady-state steps with the same text leave it unchanged.</summary>
    public long TaskEncodings => _instruction?.Encodings ?? 0;

    /// <summary>Writes a frame into the input of <paramref name="feature"/> (e.g. <c>observation.images.top</c>).</summary>
    public AssemblyStatus SetImage(string feature, CameraFrame frame)
    {
        if (!_images.TryGetValue(feature, out var slot)) return AssemblyStatus.UnknownFeature;
        var spec = slot.Feature.Image!;
        var crop = spec.Crop ?? new ImageCrop(0, 0, frame.Height, frame.Width);
        if (frame.Channels != spec.Channels || crop.Top + crop.Height > frame.Height || crop.Left + crop.Width > frame.Width)
            return AssemblyStatus.ShapeMismatch;
        int h = spec.Height, w = spec.Width, c = spec.Channels;
        bool raw = slot.Feature.Type == TensorType.UInt8;
        float sy = (float)crop.Height / h, sx = (float)crop.Width / w;
        var pixels = frame.Pixels;
        for (int y = 0; y < h; y++)
        {
            // Bilinear sample at pixel centres (align_corners = false, as torchvision resizes).
            float fy = Math.Clamp((y + 0.5f) * sy - 0.5f, 0, crop.Height - 1);
            int y0 = (int)fy, y1 = Math.Min(y0 + 1, crop.Height - 1);
            float wy = fy - y0;
            for (int x = 0; x < w; x++)
            {
                float fx = Math.Clamp((x + 0.5f) * sx - 0.5f, 0, crop.Width - 1);
                int x0 = (int)fx, x1 = Math.Min(x0 + 1, crop.Width - 1);
                float wx = fx - x0;
                int r0 = (crop.Top + y0) * frame.Width + crop.Left, r1 = (crop.Top + y1) * frame.Width + crop.Left;
                for (int ch = 0; ch < c; ch++)
                {
                    float top = pixels[(r0 + x0) * c + ch] * (1 - wx) + pixels[(r0 + x1) * c + ch] * wx;
                    float bottom = pixels[(r1 + x0) * c + ch] * (1 - wx) + pixels[(r1 + x1) * c + ch] * wx;
                    float value = top * (1 - wy) + bottom * wy;
                    int at = spec.Layout == ImageLayout.Nchw ? (ch * h + y) * w + x : (y * w + x) * c + ch;
                    if (raw) slot.Tensor.Bytes[at] = (byte)Math.Clamp(MathF.Round(value), 0, 255);
                    else slot.Tensor.Floats[at] = slot.Normalizer.Apply(value * spec.PixelScale, ch);
                }
            }
        }
        return AssemblyStatus.Ok;
    }

    private double StateValue(in JointState s, int i) =>
        i < _jointCount ? s.Position[i] : i < 2 * _jointCount ? s.Velocity[i - _jointCount] : s.Effort[i - 2 * _jointCount];

    private sealed record Slot(FeatureInput Feature, HostTensor Tensor, AffineNormalizer Normalizer);
}
