using System.Globalization;
using AbsoluteZero.Core.Configuration;

namespace AbsoluteZero.Evaluation.Benchmarks.CodeSets;

/// <summary>A loaded HumanEval+ or MBPP+: its tasks and the checksum of the file they came from.</summary>
public sealed record EvalPlusBenchmark(string Name, EvalPlusDataset Dataset, string DataFile, string DataSha256, IReadOnlyList<EvalPlusTask> Tasks);

/// <summary>
/// Loads HumanEval+ and MBPP+ (files: <see cref="BenchmarkCatalog"/>) as
/// EvalPlus does: inputs read with Python's JSON rules, MBPP+'s converted (<see cref="MbppPlusInputConversion"/>).
/// </summary>
public static class EvalPlusLoader
{
    public static EvalPlusBenchmark Load(string dataDirectory, string benchmark)
    {
        var dataset = benchmark switch
        {
            BenchmarkNames.HumanEvalPlus => EvalPlusDataset.HumanEval,
            BenchmarkNames.MbppPlus => EvalPlusDataset.Mbpp,
            _ => throw new ArgumentException($"'{benchmark}' is not an EvalPlus benchmark", nameof(benchmark)),
        };
        var file = BenchmarkCatalog.PathOf(dataDirectory, BenchmarkCatalog.Get(benchmark));
        var tasks = CodeBenchmarkFile.Rows(file).Select(row => Task(row, dataset)).ToList();
        CodeBenchmarkFile.EnsureUnique(file, tasks.Select(t => t.TaskId));
        return new EvalPlusBenchmark(benchmark, dataset, file, BenchmarkData.Sha256(file), tasks);
    }

    private static EvalPlusTask Task(CodeRow row, EvalPlusDataset dataset)
    {
        var taskId = row.String("task_id");
        var atol = row.Field("atol");
        if (atol.Kind != PyJsonKind.Number || atol.Text.StartsWith('-'))
            throw row.Error($"field 'atol' must be a non-negative number, found {atol.Raw}");
        var convert = Conversion(row, dataset, taskId);
        return new EvalPlusTask(
            taskId,
            dataset,
            row.String("prompt"),
            row.String("entry_point"),
            row.String("canonical_solution"),
            atol.Text,
            Inputs(row, "base_input", convert),
            Inputs(row, "plus_input", convert));
    }

    private static Func<PyJsonValue, string> Conversion(CodeRow row, EvalPlusDataset dataset, string taskId)
    {
        if (dataset == EvalPlusDataset.HumanEval)
            return input => input.Raw;
        if (!taskId.StartsWith("Mbpp/", StringComparison.Ordinal) || !int.TryParse(taskId.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            throw row.Error($"an MBPP+ task_id must look like 'Mbpp/<number>', found '{taskId}'");
        return input => MbppPlusInputConversion.Convert(number, input).ToTransport();
    }

    private static List<TestInput> Inputs(CodeRow row, string field, Func<PyJsonValue, string> convert)
    {
        var value = row.Field(field);
        // Mbpp/793 stores its (absent) plus inputs as {}; EvalPlus treats any empty container as "none".
        if (value.Kind == PyJsonKind.Object && value.Members.Count == 0)
            return [];
        if (value.Kind != PyJsonKind.Array)
            throw row.Error($"field '{field}' must be a list of argument lists, found {CodeRow.Describe(value)}");
        var inputs = new List<TestInput>(value.Items.Count);
        foreach (var (input, i) in value.Items.Select((input, i) => (input, i)))
        {
            try
            {
                inputs.Add(new TestInput(convert(input), input.Raw));
            }
            catch (FormatException e)
            {
                throw row.Error($"{field}[{i}]: {e.Message}");
            }
        }

        return inputs;
    }
}
