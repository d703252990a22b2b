using System.Text.Json;
using AbsoluteZero.Core.Configuration;
using AbsoluteZero.Evaluation.MathGrading;

namespace AbsoluteZero.Evaluation.Benchmarks.MathSets;

/// <summary>
/// Loads the seven math benchmarks from a data directory laid out like <c>../shared/benchmarks</c>
/// (<c>&lt;dir&gt;/&lt;benchmark&gt;/test.jsonl</c>). Each benchmark keeps its own field names; this reads them into
/// <see cref="MathProblem"/>s and rejects a bad row with its file and line.
/// </summary>
public static class MathBenchmarkLoader
{
    public const string FileName = "test.jsonl";

    public static string PathFor(string dataDirectory, string benchmark) => Path.Combine(dataDirectory, benchmark, FileName);

    /// <exception cref="ArgumentException">Not a math benchmark.</exception>
    /// <exception cref="BenchmarkDataException">The file is missing or a row is malformed.</exception>
    public static IReadOnlyList<MathProblem> Load(string dataDirectory, string benchmark)
    {
        var read = RowReaderFor(benchmark);
        var file = PathFor(dataDirectory, benchmark);
        if (!File.Exists(file))
            throw new BenchmarkDataException(file, 0, $"no data file for '{benchmark}' (expected {FileName} in {Path.Combine(dataDirectory, benchmark)})");

        var problems = new List<MathProblem>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNumber++;
            if (line.Trim().Length == 0)
                continue;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                throw new BenchmarkDataException(file, lineNumber, $"not valid JSON ({e.Message})");
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                    throw new BenchmarkDataException(file, lineNumber, "a row must be a JSON object");
                problems.Add(read(new MathRow(document.RootElement, file, lineNumber), problems.Count));
            }
        }

        if (problems.Count == 0)
            throw new BenchmarkDataException(file, 0, "the file has no rows");
        return problems;
    }

    private static Func<MathRow, int, MathProblem> RowReaderFor(string benchmark) => benchmark switch
    {
        BenchmarkNames.Aime2024 or BenchmarkNames.Aime2025 or BenchmarkNames.Amc2023 => (row, _) =>
            new MathProblem(benchmark, row.Identifier("id"), row.String("problem"), MathReference.Of(row.Answer("answer")))
            {
                Solution = NonEmpty(row.OptionalString("solution")),
            },
        BenchmarkNames.Math500 => (row, _) =>
            new MathProblem(benchmark, row.String("unique_id"), row.String("problem"), MathReference.Of(row.Answer("answer")))
            {
                Solution = row.OptionalString("solution"),
                Subject = row.OptionalString("subject"),
                Level = row.OptionalInt("level"),
            },
        BenchmarkNames.MinervaMath => (row, _) =>
        {
            var solution = row.String("solution");
            var answer = ReferenceAnswers.FromMinervaSolution(solution) ?? throw row.Error("the solution has no \\boxed{} answer");
            return new MathProblem(benchmark, row.Identifier("idx"), row.String("problem"), MathReference.Of(answer))
            {
                Solution = solution,
                Subject = row.OptionalString("type"),
            };
        },
        BenchmarkNames.OlympiadBench => (row, _) => new MathProblem(
            benchmark,
            row.Identifier("id"),
            row.String("question"),
            new MathReference(row.StringList("final_answer"), row.Boolean("is_multiple_answer"), NonEmpty(row.OptionalString("unit")))
            {
                AbsoluteError = ParseError(row),
            })
        {
            Solution = row.OptionalJoinedStrings("solution"),
            Subject = row.OptionalString("subfield"),
            AnswerType = row.OptionalString("answer_type"),
            Context = NonEmpty(row.OptionalString("context")),
        },
        BenchmarkNames.Gsm8k => (row, index) =>
        {
            var solution = row.String("answer");
            var answer = ReferenceAnswers.FromGsm8kAnswer(solution) ?? throw row.Error("the answer has no '#### ' final-answer marker");
            return new MathProblem(benchmark, index.ToString(System.Globalization.CultureInfo.InvariantCulture), row.String("question"), MathReference.Of(answer))
            {
                Solution = solution,
            };
        },
        _ => throw new ArgumentException(
            $"'{benchmark}' is not a math benchmark; expected one of {string.Join(", ", BenchmarkNames.Math)}.", nameof(benchmark)),
    };

    /// <summary>OlympiadBench's <c>error</c> field: the absolute error allowed for a numeric answer ("1e-1").</summary>
    private static decimal? ParseError(MathRow row)
    {
        var text = row.OptionalString("error");
        if (NonEmpty(text) is null)
            return null;
        return decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var error) && error > 0
            ? error
            : throw row.Error($"field 'error' must be a positive number, found '{text}'");
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
