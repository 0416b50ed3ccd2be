using Google.Protobuf;

namespace Controller.Brain.Onnx;

/// <summary>
/// A whole model file (<c>ModelProto</c>): IR version, operator-set imports, producer, the graph. Serialise
/// with <see cref="ToBytes"/> or <see cref="Save"/>; ONNX Runtime loads the result directly.
/// </summary>
public sealed class OnnxModel
{
    // ModelProto field numbers (onnx.proto). OperatorSetIdProto: domain = 1, version = 2.
    private const int IrVersionField = 1;
    private const int ProducerNameField = 2;
    private const int ProducerVersionField = 3;
    private const int DocStringField = 6;
    private const int GraphField = 7;
    private const int OpsetImportField = 8;
    private const int OpsetDomainField = 1;
    private const int OpsetVersionField = 2;

    /// <summary>IR version 8 (ONNX 1.10+): understood by every ONNX Runtime since 1.10.</summary>
    public const long DefaultIrVersion = 8;

    /// <summary>Default-domain operator set 17: ReduceMean still takes axes as an attribute, LayerNormalization exists.</summary>
    public const long DefaultOpsetVersion = 17;

    /// <summary>Creates a model around <paramref name="graph"/>.</summary>
    public OnnxModel(OnnxGraph graph, long opsetVersion = DefaultOpsetVersion, long irVersion = DefaultIrVersion,
        string producerName = "Controller.Brain", string producerVersion = "1", string? docString = null)
    {
        Graph = graph;
        OpsetVersion = opsetVersion;
        IrVersion = irVersion;
        ProducerName = producerName;
        ProducerVersion = producerVersion;
        DocString = docString;
    }

    /// <summary>The graph.</summary>
    public OnnxGraph Graph { get; }

    /// <summary>Version of the default ("ai.onnx") operator set the nodes bind to.</summary>
    public long OpsetVersion { get; }

    /// <summary>ONNX IR version.</summary>
    public long IrVersion { get; }

    /// <summary>Producer name written into the file.</summary>
    public string ProducerName { get; }

    /// <summary>Producer version written into the file.</summary>
    public string ProducerVersion { get; }

    /// <summary>Optional documentation.</summary>
    public string? DocString { get; }

    /// <summary>The protobuf encoding of the model.</summary>
    public byte[] ToBytes() => ProtoFields.Encode(WriteTo);

    /// <summary>Writes the model to <paramref name="path"/>, creating the folder if needed.</summary>
    public void Save(string path)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        File.WriteAllBytes(path, ToBytes());
    }

    private void WriteTo(CodedOutputStream output)
    {
        ProtoFields.WriteInt64(output, IrVersionField, IrVersion);
        ProtoFields.WriteString(output, ProducerNameField, ProducerName);
        ProtoFields.WriteString(output, ProducerVersionField, ProducerVersion);
        ProtoFields.WriteString(output, DocStringField, DocString);
        ProtoFields.WriteMessage(output, GraphField, Graph.WriteTo);
        ProtoFields.WriteMessage(output, OpsetImportField, opset =>
        {
            ProtoFields.WriteString(opset, OpsetDomainField, "");
            ProtoFields.WriteInt64(opset, OpsetVersionField, OpsetVersion);
        });
    }
}
