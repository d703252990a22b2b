namespace AbsoluteZero.Core.Configuration;

/// <summary>The rules an evaluation config must satisfy; errors name fields by JSON path, as for runs.</summary>
public static class EvalConfigValidator
{
    public static IReadOnlyList<ConfigError> Validate(EvalConfig config)
    {
        var errors = new List<ConfigError>();
        var m = config.Model;
        var sources = new[] { !string.IsNullOrWhiteSpace(m.Name), !string.IsNullOrWhiteSpace(m.Path), m.RunId is not null }.Count(x => x);
        if (sources != 1)
            errors.Add(new ConfigError("model", "give exactly one of model.name, model.path, model.run_id"));
        if (m.Step is not null && m.RunId is null)
            errors.Add(new ConfigError("model.step", "needs model.run_id"));

        if (config.Benchmarks.Count == 0)
            errors.Add(new ConfigError("benchmarks", "must name at least one benchmark"));
        foreach (var name in config.Benchmarks.Where(b => !BenchmarkNames.IsKnown(b)))
            errors.Add(new ConfigError("benchmarks", $"unknown benchmark '{name}'; known: {string.Join(", ", BenchmarkNames.All)}"));

        var d = config.Decoding;
        if (double.IsNaN(d.Temperature) || d.Temperature < 0 || d.Temperature > 10)
            errors.Add(new ConfigError("decoding.temperature", $"must be between 0 and 10 (got {d.Temperature:G})"));
        if (double.IsNaN(d.TopP) || d.TopP <= 0 || d.TopP > 1)
            errors.Add(new ConfigError("decoding.top_p", $"must be in (0, 1] (got {d.TopP:G})"));
        if (d.Samples is < 1 or > 1024)
            errors.Add(new ConfigError("decoding.samples", $"must be between 1 and 1024 (got {d.Samples})"));
        if (d.Temperature == 0 && d.Samples > 1)
            errors.Add(new ConfigError("decoding.samples", "greedy decoding (temperature 0) gives one sample; raise the temperature for pass@k"));
        if (d.MaxNewTokens is < 1 or > 1_000_000)
            errors.Add(new ConfigError("decoding.max_new_tokens", $"must be between 1 and 1000000 (got {d.MaxNewTokens})"));
        if (config.Limit is < 1)
            errors.Add(new ConfigError("limit", $"must be at least 1 (got {config.Limit})"));
        return errors;
    }
}
