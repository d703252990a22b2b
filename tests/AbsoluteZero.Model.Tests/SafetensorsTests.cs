using AbsoluteZero.Model.Architecture;
using AbsoluteZero.Model.Safetensors;
using static TorchSharp.torch;

namespace AbsoluteZero.Model.Tests;

public sealed class SafetensorsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("azr-safetensors-").FullName;

    [Fact]
    public void F32_round_trip_is_bit_exact_including_tensors_read_in_slices()
    {
        using var generator = new Generator(3, CPU);
        using var a = randn([37, 53], generator: generator);
        using var b = randn([1000], generator: generator) * 1e30;
        using var c = tensor(new[] { float.NaN, float.PositiveInfinity, -0.0f, float.Epsilon });
        var path = Path.Combine(_dir, "t.safetensors");
        var original = TensorBytes.SliceBytes;
        TensorBytes.SliceBytes = 64; // forces the multi-slice path a >2 GiB tensor takes
        try
        {
            SafetensorsWriter.Write(path, [("a", a), ("b", b), ("c", c)]);
            using var file = SafetensorsFile.Open(path);
            foreach (var (name, expected) in new[] { ("a", a), ("b", b), ("c", c) })
            {
                using var read = file.Read(name);
                Assert.Equal(ScalarType.Float32, read.dtype);
                Assert.Equal(expected.shape, read.shape);
                Assert.Equal(Bytes(expected), Bytes(read));
            }
        }
        finally
        {
            TensorBytes.SliceBytes = original;
        }
    }

    [Fact]
    public void Bf16_and_f16_files_load_into_f32_parameters_as_their_rounded_values()
    {
        using var generator = new Generator(4, CPU);
        using var value = randn([16, 8], generator: generator);
        foreach (var dtype in new[] { ScalarType.BFloat16, ScalarType.Float16 })
        {
            using var low = value.to_type(dtype);
            var path = Path.Combine(_dir, $"{dtype}.safetensors");
            SafetensorsWriter.Write(path, [("w", low)]);
            using var file = SafetensorsFile.Open(path);
            Assert.Equal(dtype, file.Entries["w"].Dtype);
            using var read = file.Read("w");
            using var f32 = zeros(16, 8);
            f32.copy_(read);
            using var expected = low.to_type(ScalarType.Float32);
            Assert.Equal(Bytes(expected), Bytes(f32));
        }
    }

    [Fact]
    public void A_model_saved_in_shards_loads_back_identically()
    {
        using var model = HfReference.Load("qwen2-tied").LoadModel();
        ModelWeights.Save(model, _dir, maxShardBytes: 100_000);
        Assert.True(File.Exists(Path.Combine(_dir, ModelWeights.IndexFile)));
        Assert.True(Directory.GetFiles(_dir, "model-*-of-*.safetensors").Length > 3);
        using var loaded = new CausalLM(model.Config, Placement.Cpu32);
        ModelWeights.Load(loaded, _dir);
        var expected = model.state_dict();
        foreach (var (name, tensor) in loaded.state_dict())
            Assert.Equal(Bytes(expected[name]), Bytes(tensor));
    }

    [Fact]
    public void Loading_refuses_missing_tensors_wrong_shapes_and_truncated_files()
    {
        var config = ModelConfig.Load(HfReference.PathOf("qwen2-tied"));
        using (var untied = new CausalLM(config with { TieWordEmbeddings = false }, Placement.Cpu32))
            Assert.Contains("lm_head.weight", Assert.Throws<InvalidDataException>(() => ModelWeights.Load(untied, HfReference.PathOf("qwen2-tied"))).Message);
        using (var wider = new CausalLM(config with { IntermediateSize = 96 }, Placement.Cpu32))
            Assert.Contains("shape", Assert.Throws<InvalidDataException>(() => ModelWeights.Load(wider, HfReference.PathOf("qwen2-tied"))).Message);
        var bytes = File.ReadAllBytes(Path.Combine(HfReference.PathOf("qwen2-tied"), ModelWeights.SingleFile));
        var truncated = Path.Combine(_dir, ModelWeights.SingleFile);
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        Assert.Throws<FormatException>(() => SafetensorsFile.Open(truncated));
        File.WriteAllBytes(truncated, [1, 2, 3]);
        Assert.Throws<FormatException>(() => SafetensorsFile.Open(truncated));
    }

    private static byte[] Bytes(Tensor t)
    {
        using var c = t.contiguous();
        return c.bytes.ToArray();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
