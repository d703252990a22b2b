namespace AbsoluteZero.Core.Configuration;

/// <summary>
/// The rules a run config must satisfy, shared by REST, the New-run form (validated as you type) and <c>azr train</c>.
/// Each error names the field by its JSON path so every client can point at it.
/// </summary>
public static class RunConfigValidator
{
    public const int MaxSteps = 100_000;

    public static IReadOnlyList<ConfigError> Validate(RunConfig config)
    {
        var errors = new List<ConfigError>();
        void Range(string field, double value, double min, double max)
        {
            if (double.IsNaN(value) || value < min || value > max)
                errors.Add(new ConfigError(field, $"must be between {min:G} and {max:G} (got {value:G})"));
        }

        var m = config.Model;
        if (string.IsNullOrWhiteSpace(m.Name) && string.IsNullOrWhiteSpace(m.Path))
            errors.Add(new ConfigError("model.name", "is required unless model.path is given"));

        var s = config.SelfPlay;
        if (s.TaskTypes.Count == 0)
            errors.Add(new ConfigError("self_play.task_types", "must name at least one task type"));
        if (s.TaskTypes.Distinct().Count() != s.TaskTypes.Count)
            errors.Add(new ConfigError("self_play.task_types", "must not repeat a task type"));
        Range("self_play.batch_size", s.BatchSize, 1, 4096);
        Range("self_play.references", s.References, 0, 32);
        Range("self_play.learnability_samples", s.LearnabilitySamples, 1, 64);
        Range("self_play.induction_inputs", s.InductionInputs, 2, 64);
        if (s.InductionInputs % 2 != 0)
            errors.Add(new ConfigError("self_play.induction_inputs", $"must be even: half are shown, half hidden (got {s.InductionInputs})"));
        Range("self_play.seed_batch_factor", s.SeedBatchFactor, 1, 64);
        Range("self_play.seed_round_limit", s.SeedRoundLimit, 0, 10_000);
        Range("self_play.max_buffer_size", s.MaxBufferSize, 1, 10_000_000);
        Range("self_play.solver_new_task_window", s.SolverNewTaskWindow, 0, MaxSteps);
        Range("self_play.max_output_chars", s.MaxOutputChars, 1, 65_536);

        var r = config.Rewards;
        Range("rewards.proposer_extreme_reward", r.ProposerExtremeReward, -1, 1);
        Range("rewards.solver_wrong_reward", r.SolverWrongReward, -1, 1);
        Range("rewards.format_penalty", r.FormatPenalty, -10, 0);

        var o = config.Optimization;
        Range("optimization.learning_rate", o.LearningRate, 0, 1);
        Range("optimization.warmup_steps", o.WarmupSteps, 0, MaxSteps);
        Range("optimization.weight_decay", o.WeightDecay, 0, 1);
        Range("optimization.beta1", o.Beta1, 0, 0.999999);
        Range("optimization.beta2", o.Beta2, 0, 0.999999999);
        Range("optimization.adam_epsilon", o.AdamEpsilon, 1e-12, 1e-2);
        Range("optimization.grad_clip", o.GradClip, 0, 1e6);
        Range("optimization.entropy_coeff", o.EntropyCoeff, 0, 1);
        Range("optimization.clip_ratio", o.ClipRatio, 0, 10);
        Range("optimization.micro_batch_size", o.MicroBatchSize, 1, 4096);

        var g = config.Generation;
        Range("generation.temperature", g.Temperature, 0, 10);
        if (g.TopP <= 0 || g.TopP > 1 || double.IsNaN(g.TopP))
            errors.Add(new ConfigError("generation.top_p", $"must be in (0, 1] (got {g.TopP:G})"));
        Range("generation.max_prompt_tokens", g.MaxPromptTokens, 16, 1_000_000);
        Range("generation.max_response_tokens", g.MaxResponseTokens, 1, 1_000_000);

        var x = config.Sandbox;
        Range("sandbox.timeout_ms", x.TimeoutMs, 10, 600_000);
        Range("sandbox.memory_mb", x.MemoryMb, 64, 1_048_576);
        Range("sandbox.workers", x.Workers, 0, 1024);

        var c = config.Schedule;
        Range("schedule.steps", c.Steps, 1, MaxSteps);
        Range("schedule.save_every", c.SaveEvery, 1, MaxSteps);
        Range("schedule.keep_checkpoints", c.KeepCheckpoints, 1, 10_000);
        return errors;
    }
}
