namespace Controller.Brain.Manifests;

/// <summary>
/// Checks a manifest against the ONNX model's own signature before anything runs: names, element types,
/// shapes (a symbolic model dimension accepts any size), model inputs nothing feeds, and recurrent pairs.
/// All mismatches are reported together, each with the manifest path and what the model expects.
/// </summary>
public static class ManifestValidator
{
    /// <summary>Returns every mismatch (empty when the manifest fits the model).</summary>
    public static IReadOnlyList<string> Check(ModelManifest manifest, ModelSignature model)
    {
        var problems = new List<string>();
        var fed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in manifest.Inputs)
        {
            fed.Add(i.Tensor);
            if ((i.Kind is FeatureKind.Task or FeatureKind.TaskAttentionMask) && manifest.Text is { } text && CheckTextLength(problems, i, text, model.Inputs)) continue;
            Compare(problems, $"{i.YamlPath}.tensor", "input", i.Tensor, i.Type, i.Shape, model.Inputs);
        }
        foreach (var r in manifest.RecurrentStates)
        {
            fed.Add(r.Input);
            Compare(problems, $"{r.YamlPath}.input", "input", r.Input, TensorType.Float32, r.Shape, model.Inputs);
            Compare(problems, $"{r.YamlPath}.output", "output", r.Output, TensorType.Float32, r.Shape, model.Outputs);
        }
        foreach (var (name, sig) in model.Inputs)
        {
            if (!fed.Contains(name))
                problems.Add($"inputs: the model's input '{name}' ({sig}) is fed by nothing; add an input (feature → tensor: {name}) or a recurrent state");
        }
        if (manifest.Action is { } a) Compare(problems, $"{a.YamlPath}.tensor", "output", a.Tensor, TensorType.Float32, a.Shape, model.Outputs);
        if (manifest.Planner is { } p)
        {
            Compare(problems, $"{p.YamlPath}.tensor", "output", p.SkillTensor, TensorType.Float32, p.SkillShape, model.Outputs);
            foreach (var arg in p.Arguments) Compare(problems, $"{arg.YamlPath}.tensor", "output", arg.Tensor, TensorType.Float32, arg.Shape, model.Outputs);
        }
        return problems;
    }

    /// <summary>Throws when <see cref="Check"/> finds anything.</summary>
    /// <exception cref="ManifestException">With every mismatch.</exception>
    public static void Validate(ModelManifest manifest, ModelSignature model)
    {
        var problems = Check(manifest, model);
        if (problems.Count > 0) throw new ManifestException(manifest.ManifestPath, problems);
    }

    private static void Compare(List<string> problems, string where, string direction, string name, TensorType type, long[] shape,
        IReadOnlyDictionary<string, TensorSignature> declared)
    {
        string manifestText = $"{type.ToString().ToLowerInvariant()} [{string.Join(", ", shape)}]";
        if (!declared.TryGetValue(name, out var sig))
        {
            problems.Add($"{where}: the model has no {direction} '{name}'; its {direction}s are {string.Join(", ", declared.Select(kv => $"'{kv.Key}' {kv.Value}"))}");
            return;
        }
        if (sig.Type != type) problems.Add($"{where}: {direction} '{name}' is {sig} in the model; the manifest says {manifestText}");
        else if (!ShapeFits(sig.Dimensions, shape)) problems.Add($"{where}: {direction} '{name}' has shape {sig} in the model; the manifest says {manifestText}");
    }

    /// <summary>
    /// Token ids and mask whose fixed model length differs from the tokenizer's: reported as a max_length problem
    /// (the fix is there, not in the tensor name). Returns true when it reported, so the generic shape message is not repeated.
    /// </summary>
    private static bool CheckTextLength(List<string> problems, FeatureInput input, TextInput text, IReadOnlyDictionary<string, TensorSignature> declared)
    {
        if (!declared.TryGetValue(input.Tensor, out var sig) || sig.Type != TensorType.Int64 || sig.Dimensions.Length != 2) return false;
        long modelLength = sig.Dimensions[1];
        if (modelLength < 0 || modelLength == text.MaxLength) return false;
        string what = input.Kind == FeatureKind.Task ? "token ids" : "attention mask";
        problems.Add($"{text.YamlPath}.max_length: the tokenizer writes {text.MaxLength} {what} into '{input.Tensor}' ({input.YamlPath}), but the model's input is {sig}; set max_length and the shape to [1, {modelLength}]");
        return true;
    }

    private static bool ShapeFits(long[] model, long[] manifest) =>
        model.Length == manifest.Length && model.Zip(manifest).All(p => p.First < 0 || p.First == p.Second);
}
