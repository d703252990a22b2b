using AbsoluteZero.Core.Buffers;
using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Core.Tests.Buffers;

public sealed class SeedFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("azr-seed-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Reads_reference_rows_including_the_extra_keys_it_wrote()
    {
        // Two rows as the reference writes them (json.dumps, ASCII escapes, type tags from process_elements).
        var path = Write("io.jsonl",
            """{"snippet": "def f(a):\n    return a", "input": "\"Hello world\"", "output": "\"Hello world\"", "imports": [], "original_snippet": "def f(a):\n    return a", "composite_functions": [], "_input_type": "str", "_output_type": "str"}""" + "\n" +
            """{"snippet": "import math\ndef f(x):\n    return math.floor(x) + \u00e9", "input": "2.5", "output": "2", "imports": ["import math"], "original_snippet": "import math\ndef f(x):\n    return math.floor(x) + \u00e9", "composite_functions": []}""" + "\n");
        var rows = SeedFile.ReadTriplets(path);
        Assert.Equal(SeedTasks.ZeroTriplet.Program, rows[0].Program);
        Assert.Equal("\"Hello world\"", rows[0].Output);
        Assert.Equal(["import math"], rows[1].Imports);
        Assert.EndsWith("+ é", rows[1].Program);
    }

    [Fact]
    public void Triplets_and_induction_tasks_round_trip()
    {
        var triplets = new[] { SeedTasks.ZeroTriplet, new Triplet("from math import *\ndef f(x):\n    return floor(x)", "2.5", "2") { Imports = ["from math import *"] } };
        var path = Path.Combine(_dir, "out.jsonl");
        SeedFile.WriteTriplets(path, triplets);
        var back = SeedFile.ReadTriplets(path);
        Assert.Equal(triplets.Select(SeedFile.TripletRow).Select(r => r.ToJsonString()), back.Select(SeedFile.TripletRow).Select(r => r.ToJsonString()));
        Assert.Contains("\"composite_functions\":[]", File.ReadAllLines(path)[0]);

        var fpath = Path.Combine(_dir, "f.jsonl");
        SeedFile.WriteInductionTasks(fpath, [SeedTasks.ZeroInduction]);
        var f = SeedFile.ReadInductionTasks(fpath).Single();
        Assert.Equal(6, f.Inputs.Count);
        Assert.Equal(SeedTasks.ZeroInduction.Outputs, f.Outputs);
        Assert.Equal("Write a function that returns whatever you input", f.Message);
    }

    [Theory]
    [InlineData("{\"snippet\": 1, \"input\": \"1\", \"output\": \"1\"}", "'snippet' must be a string")]
    [InlineData("{\"snippet\": \"x\", \"output\": \"1\"}", "'input' must be a string")]
    [InlineData("not json", "")]
    [InlineData("{\"snippet\": \"x\", \"input\": \"1\", \"output\": \"1\", \"composite_functions\": [{\"snippet\": \"g\"}]}", "composite-function tasks are not supported")]
    public void A_bad_row_names_file_line_and_field(string row, string message)
    {
        var path = Write("bad.jsonl", row + "\n");
        var e = Assert.Throws<SeedFileException>(() => SeedFile.ReadTriplets(path));
        Assert.StartsWith(path + ":1: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Induction_rows_need_matching_inputs_and_outputs()
    {
        var path = Write("f.jsonl", "\n{\"snippet\": \"x\", \"inputs\": [\"1\", \"2\"], \"outputs\": [\"1\"], \"message\": \"m\"}\n");
        var e = Assert.Throws<SeedFileException>(() => SeedFile.ReadInductionTasks(path));
        Assert.Contains(":2: 'inputs' has 2 entries but 'outputs' has 1", e.Message);
    }

    [Fact]
    public void Zero_seeds_are_the_reference_identity_tasks()
    {
        Assert.Equal("def f(a):\n    return a", SeedTasks.ZeroTriplet.Program);
        Assert.Equal(("\"Hello world\"", "\"Hello world\""), (SeedTasks.ZeroTriplet.Input, SeedTasks.ZeroTriplet.Output));
        var f = SeedTasks.ZeroInduction;
        Assert.Equal(["\"Hello world\"", "1", "dict(a=1, b=2)"], f.ShownPairs.Select(p => p.Input));
        Assert.Equal(["(1.1, 1.2, 1.3)", "\"[[1, 0, 0], [0, 0, 0], [0, 0, 0]]\"", "1001101100010001"], f.HiddenPairs.Select(p => p.Output));
    }
}
