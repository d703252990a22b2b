using AbsoluteZero.Core.Buffers;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Core.Tasks;
using System.Text.Json;

namespace AbsoluteZero.Core.Tests.Buffers;

public class SamplerTests
{
    private static TaskBuffer<string> Buffer(int old, int fresh, int freshStep)
    {
        var buffer = new TaskBuffer<string>(1000, BufferOverflow.KeepOldest);
        buffer.Add(Enumerable.Range(0, old).Select(i => $"old{i}"), 0);
        buffer.Add(Enumerable.Range(0, fresh).Select(i => $"new{i}"), freshStep);
        return buffer;
    }

    [Fact]
    public void The_same_seed_gives_the_same_batches_twice()
    {
        IReadOnlyList<string> Run(int seed)
        {
            var streams = new SamplerStreams(seed);
            var buffer = Buffer(50, 10, 5);
            var pool = buffer.Entries.Select(e => e.Task).ToList();
            var drawn = new List<string>();
            for (var i = 0; i < 5; i++)
            {
                drawn.AddRange(TaskSampler.References(pool, 6, streams[SamplerStreams.References(TaskType.Abduction)]));
                drawn.AddRange(TaskSampler.SolverBatch(buffer.Entries, 6, 1, 16, streams[SamplerStreams.SolverBatch(TaskType.Abduction)]).Select(e => e.Task));
            }

            return drawn;
        }

        Assert.Equal(Run(7), Run(7));
        Assert.NotEqual(Run(7), Run(8));
    }

    [Fact]
    public void A_restored_stream_continues_where_the_saved_one_stopped()
    {
        var streams = new SamplerStreams(3);
        var pool = Enumerable.Range(0, 100).ToList();
        TaskSampler.References(pool, 6, streams["references/deduction"]);
        var saved = JsonSerializer.Serialize(streams.Save(), AzrJson.Options);
        var next = TaskSampler.References(pool, 6, streams["references/deduction"]);

        var resumed = new SamplerStreams(3, JsonSerializer.Deserialize<Dictionary<string, RandomState>>(saved, AzrJson.Options));
        Assert.Equal(next, TaskSampler.References(pool, 6, resumed["references/deduction"]));
    }

    [Fact]
    public void Streams_are_independent_of_each_other_and_of_creation_order()
    {
        var a = new SamplerStreams(1);
        var first = a["x"].NextUInt64();
        var b = new SamplerStreams(1);
        b["y"].NextUInt64();
        Assert.Equal(first, b["x"].NextUInt64());
    }

    [Fact]
    public void References_are_distinct_and_capped_by_the_buffer()
    {
        var random = AzrRandom.Create(1, "t");
        var refs = TaskSampler.References(new[] { "a", "b", "c" }, 6, random);
        Assert.Equal(3, refs.Count);
        Assert.Equal(3, refs.Distinct().Count());
        Assert.Single(TaskSampler.References(new[] { "only" }, 6, random));
        Assert.Empty(TaskSampler.References(Array.Empty<string>(), 6, random));
    }

    [Fact]
    public void Sampling_is_uniform()
    {
        var random = AzrRandom.Create(11, "uniform");
        var counts = new int[10];
        for (var i = 0; i < 20_000; i++)
            foreach (var k in random.SampleIndices(10, 3))
                counts[k]++;
        // Each index is expected 6000 times; 4 sigma is about ±260.
        Assert.All(counts, c => Assert.InRange(c, 5700, 6300));
    }

    [Fact]
    public void Solver_batch_takes_new_tasks_first_then_fills_from_the_whole_buffer()
    {
        var buffer = Buffer(old: 40, fresh: 5, freshStep: 9);
        var batch = TaskSampler.SolverBatch(buffer.Entries, currentStep: 10, window: 1, batchSize: 8, AzrRandom.Create(2, "s"));
        Assert.Equal(8, batch.Count);
        Assert.Equal(5, batch.Take(5).Count(e => e.Task.StartsWith("new")));
        Assert.Equal(5, batch.Take(5).Distinct().Count());

        var many = Buffer(old: 40, fresh: 30, freshStep: 9);
        var onlyNew = TaskSampler.SolverBatch(many.Entries, 10, 1, 8, AzrRandom.Create(2, "s"));
        Assert.All(onlyNew, e => Assert.StartsWith("new", e.Task));
        Assert.Equal(8, onlyNew.Distinct().Count());
    }

    [Fact]
    public void A_small_buffer_still_fills_the_batch_and_unusable_tasks_are_skipped()
    {
        var buffer = Buffer(old: 2, fresh: 0, freshStep: 0);
        var batch = TaskSampler.SolverBatch(buffer.Entries, currentStep: 5, window: 1, batchSize: 4, AzrRandom.Create(1, "s"));
        Assert.Equal(4, batch.Count);
        Assert.Equal(["old0", "old1"], batch.Take(2).Select(e => e.Task).Order());

        var skip = TaskSampler.SolverBatch(buffer.Entries, 5, 1, 4, AzrRandom.Create(1, "s"), e => e.Task != "old0");
        Assert.All(skip, e => Assert.Equal("old1", e.Task));
        Assert.Throws<InvalidOperationException>(() => TaskSampler.SolverBatch(buffer.Entries, 5, 1, 4, AzrRandom.Create(1, "s"), _ => false));
    }
}
