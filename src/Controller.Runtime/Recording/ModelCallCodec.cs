using System.Buffers;
using MessagePack;

namespace Controller.Runtime.Recording;

/// <summary>
/// The fields of a <see cref="ModelCallRecord"/> (kind 8) after its kind and time, in the order README.md gives:
/// model, model index, status, inference ns, state [f64], goal [f64], instruction, images
/// [[feature, width, height, channels, encoding, bin]], skill, arguments [[name, [f64]]], chunk sequence.
/// </summary>
internal static class ModelCallCodec
{
    /// <summary>Elements of the record's array, kind and time included.</summary>
    public const int Elements = 13;

    public static void Write(ref MessagePackWriter w, ModelCallRecord m)
    {
        w.Write(m.Model);
        w.Write(m.ModelIndex);
        w.Write(m.Status);
        w.Write(m.InferenceNs);
        RecordCodec.WriteDoubles(ref w, m.StateRad);
        RecordCodec.WriteDoubles(ref w, m.GoalRad);
        w.Write(m.Instruction);
        w.WriteArrayHeader(m.Images.Length);
        foreach (ModelCallImage image in m.Images)
        {
            w.WriteArrayHeader(6);
            w.Write(image.Feature);
            w.Write(image.Width);
            w.Write(image.Height);
            w.Write(image.Channels);
            w.Write(image.Encoding);
            w.Write(image.Data);
        }

        w.Write(m.Skill);
        w.WriteArrayHeader(m.Arguments.Length);
        foreach (ModelArgument argument in m.Arguments)
        {
            w.WriteArrayHeader(2);
            w.Write(argument.Name);
            RecordCodec.WriteDoubles(ref w, argument.Values);
        }

        w.Write(m.ChunkSequence);
    }

    public static ModelCallRecord Read(ref MessagePackReader r, long timeNs)
    {
        string model = RecordCodec.ReadText(ref r);
        int modelIndex = r.ReadInt32();
        string status = RecordCodec.ReadText(ref r);
        long inferenceNs = r.ReadInt64();
        double[] state = RecordCodec.ReadDoubles(ref r);
        double[] goal = RecordCodec.ReadDoubles(ref r);
        string instruction = RecordCodec.ReadText(ref r);
        var images = new ModelCallImage[RecordCodec.ReadCount(ref r)];
        for (int i = 0; i < images.Length; i++)
        {
            int fields = RecordCodec.ReadCount(ref r);
            if (fields < 6)
            {
                throw new RecordingFormatException($"a model call's image {i} has {fields} elements; it needs 6 (feature, width, height, channels, encoding, data)");
            }

            string feature = RecordCodec.ReadText(ref r);
            int width = r.ReadInt32(), height = r.ReadInt32(), channels = r.ReadInt32();
            string encoding = RecordCodec.ReadText(ref r);
            ReadOnlySequence<byte>? data = r.ReadBytes();
            images[i] = new ModelCallImage(feature, width, height, channels, encoding, data?.ToArray() ?? []);
            for (int extra = 6; extra < fields; extra++)
            {
                r.Skip();
            }
        }

        string skill = RecordCodec.ReadText(ref r);
        var arguments = new ModelArgument[RecordCodec.ReadCount(ref r)];
        for (int i = 0; i < arguments.Length; i++)
        {
            int fields = RecordCodec.ReadCount(ref r);
            if (fields < 2)
            {
                throw new RecordingFormatException($"a model call's argument {i} has {fields} elements; it needs 2 (name, values)");
            }

            arguments[i] = new ModelArgument(RecordCodec.ReadText(ref r), RecordCodec.ReadDoubles(ref r));
            for (int extra = 2; extra < fields; extra++)
            {
                r.Skip();
            }
        }

        long chunkSequence = r.ReadInt64();
        return new ModelCallRecord(timeNs, model, modelIndex, status, inferenceNs, state, goal, instruction, images, skill, arguments, chunkSequence);
    }
}
