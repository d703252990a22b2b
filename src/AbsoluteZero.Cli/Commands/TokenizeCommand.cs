using System.CommandLine;
using AbsoluteZero.Model.Tokenization;

namespace AbsoluteZero.Cli.Commands;

/// <summary>
/// <c>azr tokenize --tokenizer PATH</c>: JSON lines <c>{"id","text"}</c> on stdin → <c>{"id","ids"}</c> on stdout, with a
/// model's own tokenizer.json (PATH is the file or the model folder). Ids are those of Hugging Face tokenizers with
/// add_special_tokens=False. A malformed line gets <c>{"id","error"}</c> naming its line; exit code 0 once all input
/// is read, 2 when the tokenizer cannot be loaded.
/// </summary>
public static class TokenizeCommand
{
    public static Command Create()
    {
        var tokenizerOption = new Option<string>("--tokenizer")
        {
            Description = "A tokenizer.json file, or a model folder holding one.",
            Required = true,
        };
        var command = new Command("tokenize", "Tokenize JSON lines {\"id\",\"text\"} from stdin into {\"id\",\"ids\"} on stdout.");
        command.Options.Add(tokenizerOption);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            TextTokenizer tokenizer;
            try
            {
                tokenizer = TextTokenizer.Load(parseResult.GetValue(tokenizerOption)!);
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"azr tokenize: {e.Message}");
                return 2;
            }

            using var stdin = new StreamReader(Console.OpenStandardInput(), System.Text.Encoding.UTF8);
            await using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = false };
            var errors = await TokenizeJsonLines.RunAsync(tokenizer, stdin, stdout, cancellationToken);
            if (errors > 0)
                await Console.Error.WriteLineAsync($"azr tokenize: {errors} line(s) answered with an error");
            return 0;
        });
        return command;
    }
}
