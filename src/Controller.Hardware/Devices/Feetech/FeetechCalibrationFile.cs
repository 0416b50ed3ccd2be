using System.Text.Encodings.Web;
using System.Text.Json;

namespace Controller.Hardware.Devices.Feetech;

/// <summary>
/// LeRobot's calibration JSON (`~/.cache/huggingface/lerobot/calibration/robots/so101_follower/&lt;id&gt;.json`): an
/// object with one entry per motor name, each <c>{"id", "drive_mode", "homing_offset", "range_min", "range_max"}</c>.
/// Load and save keep the motors in file order.
/// </summary>
public static class FeetechCalibrationFile
{
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads and validates <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file cannot be read, is not such JSON, or a value is out of range; names the file, the motor and the field.</exception>
    public static IReadOnlyList<KeyValuePair<string, FeetechMotorCalibration>> Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"calibration file '{path}' cannot be read: {e.Message}", e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses and validates calibration JSON; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="InvalidDataException">Not such JSON, or a value is out of range.</exception>
    public static IReadOnlyList<KeyValuePair<string, FeetechMotorCalibration>> Parse(string json, string source = "(text)")
    {
        var motors = new List<KeyValuePair<string, FeetechMotorCalibration>>();
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"calibration file '{source}': expected an object of motor name → calibration; found {document.RootElement.ValueKind}.");
            foreach (var motor in document.RootElement.EnumerateObject())
            {
                if (motor.Value.ValueKind != JsonValueKind.Object)
                    throw new InvalidDataException($"calibration file '{source}': motor '{motor.Name}' must be an object; found {motor.Value.ValueKind}.");
                int Field(string name) => motor.Value.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int i)
                    ? i
                    : throw new InvalidDataException($"calibration file '{source}': motor '{motor.Name}' needs an integer '{name}'.");
                var calibration = new FeetechMotorCalibration(Field("id"), Field("drive_mode"), Field("homing_offset"), Field("range_min"), Field("range_max"));
                try
                {
                    calibration.Validate(motor.Name);
                }
                catch (ArgumentException e)
                {
                    throw new InvalidDataException($"calibration file '{source}': {e.Message}", e);
                }
                motors.Add(new(motor.Name, calibration));
            }
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"calibration file '{source}' is not valid JSON: {e.Message}", e);
        }
        if (motors.Count == 0) throw new InvalidDataException($"calibration file '{source}' lists no motors.");
        var duplicate = motors.GroupBy(m => m.Value.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidDataException($"calibration file '{source}': id {duplicate.Key} is used by {string.Join(" and ", duplicate.Select(m => $"'{m.Key}'"))}.");
        return motors;
    }

    /// <summary>The JSON text LeRobot writes (indented, motors in the given order).</summary>
    public static string Format(IEnumerable<KeyValuePair<string, FeetechMotorCalibration>> motors)
    {
        var ordered = new Dictionary<string, FeetechMotorCalibration>();
        foreach (var (name, calibration) in motors) ordered.Add(name, calibration);
        return JsonSerializer.Serialize(ordered, WriteOptions);
    }

    /// <summary>Writes <paramref name="motors"/> to <paramref name="path"/>.</summary>
    public static void Save(string path, IEnumerable<KeyValuePair<string, FeetechMotorCalibration>> motors) =>
        File.WriteAllText(path, Format(motors) + Environment.NewLine);
}
