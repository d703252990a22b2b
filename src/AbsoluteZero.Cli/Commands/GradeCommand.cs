using System.CommandLine;
using System.Text;
using AbsoluteZero.Evaluation.MathGrading;

namespace AbsoluteZero.Cli.Commands;

/// <summary>
/// <c>azr grade [FILE] [--output FILE]</c>: grades math answers given as JSON lines
/// <c>{"id", "benchmark", "response", "answer"}</c> (from FILE, or stdin when it is absent or "-") and writes one
/// <c>{"id", "extracted", "correct"}</c> line per input line; a malformed line gets <c>{"id", "line", "error"}</c>.
/// </summary>
public static class GradeCommand
{
    public static Command Create()
    {
        var input = new Argument<string?>("file")
        {
            Description = "JSON lines to grade; stdin when absent or \"-\".",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the result lines (default: stdout)." };
        var command = new Command("grade", "Grade math answers: reads {\"id\", \"benchmark\", \"response\", \"answer\"} JSON lines, writes {\"id\", \"extracted\", \"correct\"}.");
        command.Arguments.Add(input);
        command.Options.Add(output);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var inputPath = parseResult.GetValue(input);
            var outputPath = parseResult.GetValue(output);
            if (inputPath is { Length: > 0 } and not "-" && !File.Exists(inputPath))
            {
                await Console.Error.WriteLineAsync($"azr grade: input file not found: {inputPath}");
                return 2;
            }

            using var reader = inputPath is { Length: > 0 } and not "-"
                ? new StreamReader(inputPath, Encoding.UTF8)
                : new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
            // On stdout each result goes out as soon as it is graded, so a caller can feed lines one at a time.
            await using var writer = outputPath is { Length: > 0 }
                ? new StreamWriter(outputPath, append: false, new UTF8Encoding(false))
                : new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
            var lineNumber = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                lineNumber++;
                if (line.Trim().Length == 0)
                    continue;
                await writer.WriteLineAsync(GradeLines.Grade(line, lineNumber));
            }

            return 0;
        });
        return command;
    }
}
