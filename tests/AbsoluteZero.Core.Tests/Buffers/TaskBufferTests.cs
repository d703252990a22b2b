using AbsoluteZero.Core.Buffers;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Core.Tests.Buffers;

public class TaskBufferTests
{
    [Fact]
    public void Reference_cap_keeps_the_oldest_and_drops_new_tasks()
    {
        var buffer = new TaskBuffer<string>(3, BufferOverflow.KeepOldest);
        Assert.Equal(new BufferAddResult(2, 0), buffer.Add(["a", "b"], step: 0));
        Assert.Equal(new BufferAddResult(1, 2), buffer.Add(["c", "d", "e"], step: 4));
        Assert.Equal(["a", "b", "c"], buffer.Entries.Select(e => e.Task));
        Assert.Equal([0, 0, 4], buffer.Entries.Select(e => e.Step));
    }

    [Fact]
    public void Evict_oldest_option_lets_new_tasks_in()
    {
        var buffer = new TaskBuffer<string>(3, BufferOverflow.EvictOldest);
        buffer.Add(["a", "b"], step: 0);
        Assert.Equal(new BufferAddResult(3, 2), buffer.Add(["c", "d", "e"], step: 4));
        Assert.Equal(["c", "d", "e"], buffer.Entries.Select(e => e.Task));
        Assert.All(buffer.Entries, e => Assert.Equal(4, e.Step));
    }

    [Fact]
    public void Recent_entries_are_those_within_the_window_by_their_own_step()
    {
        var buffer = new TaskBuffer<string>(10, BufferOverflow.KeepOldest);
        buffer.Add(["seed"], 0);
        buffer.Add(["s1"], 1);
        buffer.Add(["s2a", "s2b"], 2);
        Assert.Equal(["s2a", "s2b"], buffer.AddedWithin(currentStep: 3, window: 1).Select(e => e.Task).Where(t => t.StartsWith("s2")));
        Assert.Equal(["s2a", "s2b"], buffer.AddedWithin(3, 1).Select(e => e.Task));
        Assert.Equal(["s1", "s2a", "s2b"], buffer.AddedWithin(3, 2).Select(e => e.Task));
        Assert.Equal(["seed", "s1", "s2a", "s2b"], buffer.AddedWithin(1, 1).Select(e => e.Task));
    }

    [Fact]
    public void Entries_keep_the_proposer_thought()
    {
        var buffer = new TaskBuffer<string>(2, BufferOverflow.KeepOldest);
        buffer.Add([new BufferEntry<string>("t", 7) { Thought = "plan" }]);
        Assert.Equal("plan", buffer.Entries[0].Thought);
        Assert.Equal(7, buffer.Entries[0].Step);
    }
}

public class TaskBuffersTests
{
    [Fact]
    public void Seeds_fill_both_triplet_buffers_at_step_zero_and_induction_draws_from_their_union()
    {
        var seeds = new SeedingResult([SeedTasks.ZeroTriplet, new Triplet("def f(a):\n    return -a", "1", "-1")], [SeedTasks.ZeroInduction], 2, 0, 0, true, true);
        var buffers = TaskBuffers.FromSeeds(seeds, new SelfPlaySettings());
        Assert.Equal(2, buffers.Abduction.Count);
        Assert.Equal(2, buffers.Triplets(TaskType.Deduction).Count);
        Assert.All(buffers.Abduction.Entries.Concat(buffers.Deduction.Entries), e => Assert.Equal(0, e.Step));
        Assert.Single(buffers.Induction.Entries);

        buffers.Deduction.Add([new Triplet("def f(a):\n    return 2 * a", "1", "2")], step: 3);
        Assert.Equal(5, buffers.InductionPrograms().Count);
        Assert.Equal(2, buffers.InductionPrograms().Count(t => ReferenceEquals(t, SeedTasks.ZeroTriplet)));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffers.Triplets(TaskType.Induction));
    }
}

public class SolverWindowTests
{
    [Fact]
    public void Fixed_quirk_a_full_keep_oldest_buffer_has_no_new_tasks_rather_than_calling_old_ones_new()
    {
        // The reference took the last N entries as "new", N counting additions the cap had already dropped.
        var buffer = new TaskBuffer<string>(3, BufferOverflow.KeepOldest);
        buffer.Add(["a", "b", "c"], step: 0);
        buffer.Add(["d", "e"], step: 5);
        Assert.Empty(buffer.AddedWithin(currentStep: 6, window: 1));
        var batch = TaskSampler.SolverBatch(buffer.Entries, 6, 1, 3, AzrRandom.Create(1, "w"));
        Assert.Equal(["a", "b", "c"], batch.Select(e => e.Task).Order());
    }
}
