using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace AbsoluteZero.Model.Safetensors;

/// <summary>
/// Writes tensors as safetensors, streaming: each tensor is copied to the CPU (in its own dtype) and written before
/// the next is touched. The header is computed from shapes first, as the format puts it in front.
/// </summary>
public static class SafetensorsWriter
{
    public static void Write(string path, IReadOnlyList<(string Name, Tensor Tensor)> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var header = new JsonObject();
        if (metadata is { Count: > 0 })
            header["__metadata__"] = new JsonObject(metadata.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));
        long offset = 0;
        foreach (var (name, tensor) in tensors)
        {
            var bytes = tensor.numel() * tensor.ElementSize;
            header[name] = new JsonObject
            {
                ["dtype"] = SafetensorsDtype.FromTorch(tensor.dtype),
                ["shape"] = new JsonArray(tensor.shape.Select(d => (JsonNode)d).ToArray()),
                ["data_offsets"] = new JsonArray(offset, offset + bytes),
            };
            offset += bytes;
        }

        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        var padded = (json.Length + 7) / 8 * 8;
        var temp = path + ".partial";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 20))
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(length, padded);
            stream.Write(length);
            stream.Write(json);
            for (var i = json.Length; i < padded; i++)
                stream.WriteByte((byte)' ');
            foreach (var (_, tensor) in tensors)
            {
                using var scope = NewDisposeScope();
                TensorBytes.Write(tensor.detach().to(CPU).contiguous(), stream);
            }
        }

        // Rename last: a crash mid-write never leaves a truncated file under the real name.
        File.Move(temp, path, overwrite: true);
    }
}
