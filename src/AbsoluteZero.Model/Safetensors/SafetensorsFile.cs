using System.Buffers.Binary;
using System.Text.Json;
using static TorchSharp.torch;

namespace AbsoluteZero.Model.Safetensors;

/// <summary>One tensor's entry in a safetensors header.</summary>
public sealed record SafetensorsEntry(string Name, ScalarType Dtype, long[] Shape, long Begin, long End);

/// <summary>
/// Reads a safetensors file (8-byte little-endian header length, JSON header, raw little-endian bytes) one tensor
/// at a time, so loading a checkpoint needs one tensor of extra memory, not a second copy of the model.
/// </summary>
public sealed class SafetensorsFile : IDisposable
{
    private readonly FileStream _stream;
    private readonly long _dataStart;

    private SafetensorsFile(string path, FileStream stream, long dataStart, IReadOnlyDictionary<string, SafetensorsEntry> entries)
    {
        Path = path;
        _stream = stream;
        _dataStart = dataStart;
        Entries = entries;
    }

    public string Path { get; }

    public IReadOnlyDictionary<string, SafetensorsEntry> Entries { get; }

    public static SafetensorsFile Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 20);
        try
        {
            if (stream.Length < 8)
                throw new FormatException($"{path}: {stream.Length} bytes is too short for a safetensors file");
            Span<byte> lengthBytes = stackalloc byte[8];
            stream.ReadExactly(lengthBytes);
            var headerLength = BinaryPrimitives.ReadInt64LittleEndian(lengthBytes);
            if (headerLength <= 0 || headerLength > 100_000_000 || 8 + headerLength > stream.Length)
                throw new FormatException($"{path}: header length {headerLength} is impossible for a {stream.Length}-byte file");
            var header = new byte[headerLength];
            stream.ReadExactly(header);
            var dataLength = stream.Length - 8 - headerLength;
            var entries = ParseHeader(header, dataLength, path);
            return new SafetensorsFile(path, stream, 8 + headerLength, entries);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads one tensor into a new CPU tensor of the file's dtype.</summary>
    public Tensor Read(string name)
    {
        if (!Entries.TryGetValue(name, out var entry))
            throw new KeyNotFoundException($"{Path} has no tensor '{name}'");
        var tensor = empty(entry.Shape, entry.Dtype, CPU);
        try
        {
            _stream.Seek(_dataStart + entry.Begin, SeekOrigin.Begin);
            TensorBytes.Fill(tensor, _stream);
            return tensor;
        }
        catch
        {
            tensor.Dispose();
            throw;
        }
    }

    private static Dictionary<string, SafetensorsEntry> ParseHeader(byte[] header, long dataLength, string path)
    {
        using var document = JsonDocument.Parse(header);
        var entries = new Dictionary<string, SafetensorsEntry>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Name == "__metadata__")
                continue;
            var value = property.Value;
            var dtype = SafetensorsDtype.ToTorch(value.GetProperty("dtype").GetString()!);
            var shape = value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            var offsets = value.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            var expected = shape.Aggregate(1L, (a, b) => a * b) * TorchSharp.TensorExtensionMethods.ElementSize(dtype);
            if (offsets.Length != 2 || offsets[1] - offsets[0] != expected || offsets[0] < 0 || offsets[1] > dataLength)
                throw new FormatException($"{path}: tensor '{property.Name}' has data_offsets [{string.Join(", ", offsets)}] that do not fit its shape or the file");
            entries[property.Name] = new SafetensorsEntry(property.Name, dtype, shape, offsets[0], offsets[1]);
        }

        return entries;
    }

    public void Dispose() => _stream.Dispose();
}
