using System.Globalization;
using System.Text.Json.Nodes;
using AbsoluteZero.Core.Json;
using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Training.Events;

/// <summary>
/// How <c>azr train</c> shows a session. With <c>json</c>: exactly one line per step on <paramref name="steps"/>,
/// <c>{"step": n, "metrics": {…}}</c>, and everything else as text on <paramref name="log"/>. Without: a readable
/// progress line per step on <paramref name="steps"/>, the rest on <paramref name="log"/>.
/// </summary>
public sealed class ConsoleObserver(TextWriter steps, TextWriter log, bool json) : ITrainingObserver
{
    private static readonly TaskType[] Types = [TaskType.Abduction, TaskType.Deduction, TaskType.Induction];

    public void OnEvent(TrainingEvent trainingEvent)
    {
        switch (trainingEvent)
        {
            case StepCompleted step:
                steps.WriteLine(json ? StepLine(step) : Progress(step));
                steps.Flush();
                return;
            case StepTasks:
                return;
        }

        log.WriteLine(Describe(trainingEvent));
        log.Flush();
    }

    public static string StepLine(StepCompleted step) =>
        new JsonObject
        {
            ["step"] = step.Step,
            ["metrics"] = new JsonObject(step.Metrics.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value))),
        }.ToJsonString(AzrJson.Options);

    /// <summary>One readable line for an event other than a step (the run log shows the same lines).</summary>
    public static string Describe(TrainingEvent e) => e switch
    {
        TrainingStarted s => s.ResumedFrom is null
            ? $"training {s.Preset ?? s.Config.Model.Name}: steps 1..{s.TotalSteps}, output {s.OutputDirectory}"
            : $"resuming from {s.ResumedFrom}: steps {s.FirstStep}..{s.TotalSteps}",
        TrainingLog l => l.Level == TrainingLogLevel.Warning ? $"warning: {l.Message}" : l.Message,
        SeedingCompleted s => s.Summary,
        CheckpointSaved c => $"checkpoint of step {c.Step} ({c.Reason.ToString().ToLowerInvariant()}): {c.Path} ({c.Bytes / 1e6:F1} MB)",
        CheckpointDeleted c => $"removed the checkpoint of step {c.Step}: {c.Path}",
        TrainingFinished { Status: TrainingStatus.Completed } f => $"finished: {f.LastStep} steps; last checkpoint {f.LastCheckpoint}",
        TrainingFinished { Status: TrainingStatus.Stopped } f => $"stopped after step {f.LastStep}; checkpoint {f.LastCheckpoint ?? "(none: stopped while seeding)"}; continue with --resume",
        TrainingFinished f => $"failed after step {f.LastStep}: {f.Error}",
        _ => e.ToString(),
    };

    /// <summary>e.g. <c>step 3/20  6.1 s (generate 4.2, sandbox wait 0.3, update 1.1) | reward -0.91 ± 0.12 | valid a 0% d 25% i 0% | solved a 0% d 50% i 0% | buffers 1/2/1 | 410 tok/s</c>.</summary>
    private static string Progress(StepCompleted step)
    {
        var m = step.Metrics;
        string Value(string name, string format) => m.TryGetValue(name, out var v) && v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "-";
        string PerType(string pattern, string format) => string.Join(" ", Types
            .Where(t => m.Keys.Any(k => k.Contains($"/{t.JsonName()}/", StringComparison.Ordinal)))
            .Select(t => $"{t.JsonName()[0]} {Value(string.Format(CultureInfo.InvariantCulture, pattern, t.JsonName()), format)}"));
        return $"step {step.Step}/{step.TotalSteps}  {Value("timing/step", "F1")} s " +
               $"(generate {Value("timing/generate", "F1")}, sandbox wait {Value("timing/execute", "F1")}, update {Value("timing/update", "F1")}) | " +
               $"reward {Value("reward/mean", "F2")} ± {Value("reward/std", "F2")} | " +
               $"valid {PerType("propose/{0}/valid_rate", "P0")} | solved {PerType("solve/{0}/accuracy", "P0")} | " +
               $"buffers {string.Join("/", Types.Select(t => Value($"buffer/{t.JsonName()}/size", "F0")))} | " +
               $"{Value("throughput/tokens_per_s", "F0")} tok/s";
    }
}
