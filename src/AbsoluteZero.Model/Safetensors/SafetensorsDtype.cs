using static TorchSharp.torch;

namespace AbsoluteZero.Model.Safetensors;

/// <summary>The safetensors dtype names and their torch equivalents.</summary>
public static class SafetensorsDtype
{
    private static readonly (string Name, ScalarType Type)[] Table =
    [
        ("F32", ScalarType.Float32), ("BF16", ScalarType.BFloat16), ("F16", ScalarType.Float16), ("F64", ScalarType.Float64),
        ("I64", ScalarType.Int64), ("I32", ScalarType.Int32), ("I16", ScalarType.Int16), ("I8", ScalarType.Int8),
        ("U8", ScalarType.Byte), ("BOOL", ScalarType.Bool),
    ];

    public static ScalarType ToTorch(string name) =>
        Table.FirstOrDefault(e => e.Name == name) is { Name: not null } hit
            ? hit.Type
            : throw new FormatException($"safetensors dtype '{name}' is not supported ({string.Join(", ", Table.Select(e => e.Name))})");

    public static string FromTorch(ScalarType type) =>
        Table.FirstOrDefault(e => e.Type == type) is { Name: not null } hit
            ? hit.Name
            : throw new NotSupportedException($"dtype {type} cannot be written to safetensors");
}
