using AbsoluteZero.Core.Execution;
using AbsoluteZero.Evaluation.Harness;

namespace AbsoluteZero.Evaluation.Scoring;

/// <summary>Why a sample failed: where (the split and input, as the data spells it) and how.</summary>
/// <param name="Split">"base" or "plus" for EvalPlus sets, null elsewhere.</param>
/// <param name="Input">The failing input (EvalPlus: the call's arguments as JSON; asserts: the failing assert; LiveCodeBench: the test's input); null when the program failed before any test.</param>
/// <param name="Difference">Expected against got, the exception, or the time limit that ran out.</param>
public sealed record CodeFailure(string? Split, string? Input, string Difference, bool TimedOut);

/// <summary>The verdict on one sample. <see cref="BasePassed"/> and <see cref="PlusPassed"/> are null outside EvalPlus sets.</summary>
public sealed record CodeVerdict(bool Passed, bool? BasePassed, bool? PlusPassed, CodeFailure? Failure)
{
    public static CodeVerdict Pass { get; } = new(true, null, null, null);

    public static CodeVerdict Fail(CodeFailure failure) => new(false, null, null, failure);

    /// <summary>The harness left no report (the sandbox stopped it: timeout, memory, a crash): the status says why.</summary>
    public static CodeVerdict NoReport(ExecutionResult result) =>
        Fail(new CodeFailure(null, null, $"{CodeHarness.StatusName(result)}: {result.Error}", result.Status == ExecutionStatus.Timeout));
}

/// <summary>A sample ready to score: the task it answers and the whole program to run.</summary>
public sealed record CodeSample(string TaskId, string Program);

/// <summary>How far scoring got: sandbox requests finished out of those planned (skipped ones count as finished).</summary>
public readonly record struct ScoringProgress(int Done, int Total);
