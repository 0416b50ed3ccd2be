using System.Buffers;
using MessagePack;

namespace Controller.Runtime.Recording;

/// <summary>
/// MessagePack payloads of episode records, written and read with the low-level writer and reader (no reflection, no
/// attributes: the layout below is the format). A record is an array whose first two elements are its
/// <see cref="RecordKind"/> and its time; the rest are the kind's fields in the order README.md gives. A reader takes
/// the fields it knows and skips any it does not, so a later version may append fields.
/// </summary>
public static class RecordCodec
{
    /// <summary>Appends <paramref name="record"/>'s payload to <paramref name="output"/>.</summary>
    public static void Encode(EpisodeRecord record, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(record);
        var w = new MessagePackWriter(output);
        switch (record)
        {
            case StateRecord s:
                Begin(ref w, s, 6);
                w.Write(s.Cycle);
                WriteDoubles(ref w, s.PositionRad);
                WriteDoubles(ref w, s.VelocityRadS);
                WriteDoubles(ref w, s.EffortNm);
                WriteDoubles(ref w, s.CommandRad);
                break;
            case WrenchRecord r:
                Begin(ref w, r, 2);
                WriteDoubles(ref w, r.ForceN);
                WriteDoubles(ref w, r.TorqueNm);
                break;
            case SkillRecord k:
                Begin(ref w, k, 2);
                w.Write(k.Task);
                w.Write(k.Skill);
                break;
            case ChunkRecord c:
                Begin(ref w, c, 7);
                w.Write(c.Sequence);
                w.Write(c.Steps);
                w.Write(c.Dimension);
                w.Write(c.StepPeriodNs);
                w.Write(c.ModelIndex);
                w.Write(c.Rejection);
                w.WriteArrayHeader(c.FirstAction.Length);
                foreach (float v in c.FirstAction)
                {
                    w.Write(v);
                }

                break;
            case SafetyEventRecord e:
                Begin(ref w, e, 6);
                w.Write(e.Sequence);
                w.Write(e.EventKind);
                w.Write(e.Reaction);
                w.Write(e.Source);
                w.Write(e.Value);
                w.Write(e.Limit);
                break;
            case FaultRecord f:
                Begin(ref w, f, 3);
                w.Write(f.Source);
                w.Write(f.State);
                w.Write(f.Faults);
                break;
            case LoopRecord l:
                Begin(ref w, l, 6);
                w.Write(l.Cycles);
                w.Write(l.Overruns);
                w.Write(l.LatenessP50Ns);
                w.Write(l.LatenessP99Ns);
                w.Write(l.LatenessMaxNs);
                w.Write(l.ComputeP99Ns);
                break;
            case ModelCallRecord m:
                Begin(ref w, m, ModelCallCodec.Elements - 2);
                ModelCallCodec.Write(ref w, m);
                break;
            default:
                throw new ArgumentException($"record type {record.GetType().Name} has no encoding", nameof(record));
        }

        w.Flush();
    }

    /// <summary>
    /// Decodes one payload. Returns the record; null for a well-formed record of a kind this version does not know
    /// (skipped). Throws <see cref="RecordingFormatException"/> naming the problem when the payload is malformed.
    /// </summary>
    public static EpisodeRecord? Decode(ReadOnlyMemory<byte> payload)
    {
        try
        {
            var r = new MessagePackReader(payload);
            int count = r.ReadArrayHeader();
            if (count < 2)
            {
                throw new RecordingFormatException($"a record has {count} elements; at least 2 (kind, time) are required");
            }

            int kind = r.ReadInt32();
            long timeNs = r.ReadInt64();
            int known;
            EpisodeRecord? record;
            switch ((RecordKind)kind)
            {
                case RecordKind.State:
                    Need(count, known = 8, kind);
                    record = new StateRecord(timeNs, r.ReadInt64(), ReadDoubles(ref r), ReadDoubles(ref r), ReadDoubles(ref r), ReadDoubles(ref r));
                    break;
                case RecordKind.Wrench:
                    Need(count, known = 4, kind);
                    record = new WrenchRecord(timeNs, ReadDoubles(ref r), ReadDoubles(ref r));
                    break;
                case RecordKind.Skill:
                    Need(count, known = 4, kind);
                    record = new SkillRecord(timeNs, ReadText(ref r), ReadText(ref r));
                    break;
                case RecordKind.Chunk:
                    Need(count, known = 9, kind);
                    record = new ChunkRecord(timeNs, r.ReadInt64(), r.ReadInt32(), r.ReadInt32(), r.ReadInt64(), r.ReadInt32(), r.ReadInt32(), ReadFloats(ref r));
                    break;
                case RecordKind.SafetyEvent:
                    Need(count, known = 8, kind);
                    record = new SafetyEventRecord(timeNs, r.ReadInt64(), ReadText(ref r), ReadText(ref r), r.ReadInt32(), r.ReadDouble(), r.ReadDouble());
                    break;
                case RecordKind.Fault:
                    Need(count, known = 5, kind);
                    record = new FaultRecord(timeNs, ReadText(ref r), ReadText(ref r), r.ReadInt64());
                    break;
                case RecordKind.Loop:
                    Need(count, known = 8, kind);
                    record = new LoopRecord(timeNs, r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64());
                    break;
                case RecordKind.ModelCall:
                    Need(count, known = ModelCallCodec.Elements, kind);
                    record = ModelCallCodec.Read(ref r, timeNs);
                    break;
                default:
                    (known, record) = (2, null);
                    break;
            }

            for (int i = known; i < count; i++)
            {
                r.Skip();
            }

            if (!r.End)
            {
                throw new RecordingFormatException($"record of kind {kind} has {payload.Length - r.Consumed} bytes after its last element");
            }

            return record;
        }
        catch (Exception e) when (IsDecodeFailure(e))
        {
            throw new RecordingFormatException($"record payload is not valid MessagePack for its kind: {e.Message}", e);
        }
    }

    /// <summary>The exceptions MessagePack's reader raises for malformed input (and none that would hide a bug here).</summary>
    internal static bool IsDecodeFailure(Exception e) =>
        e is MessagePackSerializationException or EndOfStreamException or OverflowException or InvalidOperationException or ArgumentOutOfRangeException;

    /// <summary>Reads an array header and checks the count is possible in the bytes left (a damaged count must not allocate gigabytes).</summary>
    internal static int ReadCount(ref MessagePackReader r)
    {
        int count = r.ReadArrayHeader();
        if (count < 0 || count > r.Sequence.Length - r.Consumed)
        {
            throw new RecordingFormatException($"an array claims {count} elements but only {r.Sequence.Length - r.Consumed} bytes remain");
        }

        return count;
    }

    /// <summary>Reads a string; nil reads as "".</summary>
    internal static string ReadText(ref MessagePackReader r) => r.ReadString() ?? "";

    private static void Begin(ref MessagePackWriter w, EpisodeRecord record, int fields)
    {
        w.WriteArrayHeader(2 + fields);
        w.Write((int)record.Kind);
        w.Write(record.TimeNs);
    }

    private static void Need(int count, int needed, int kind)
    {
        if (count < needed)
        {
            throw new RecordingFormatException($"a record of kind {(RecordKind)kind} ({kind}) has {count} elements; it needs {needed}");
        }
    }

    internal static void WriteDoubles(ref MessagePackWriter w, double[] values)
    {
        w.WriteArrayHeader(values.Length);
        foreach (double v in values)
        {
            w.Write(v);
        }
    }

    internal static double[] ReadDoubles(ref MessagePackReader r)
    {
        var values = new double[ReadCount(ref r)];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = r.ReadDouble();
        }

        return values;
    }

    private static float[] ReadFloats(ref MessagePackReader r)
    {
        var values = new float[ReadCount(ref r)];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = r.ReadSingle();
        }

        return values;
    }
}
