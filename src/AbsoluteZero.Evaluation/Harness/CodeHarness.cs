using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AbsoluteZero.Core.Execution;

namespace AbsoluteZero.Evaluation.Harness;

/// <summary>What the harness reported for one request, or why it could not.</summary>
public sealed record HarnessReport(JsonElement Body)
{
    public string Status => Body.GetProperty("status").GetString() ?? "";

    public bool Passed => Status == "pass";

    public int? Index => Body.TryGetProperty("index", out var index) && index.ValueKind == JsonValueKind.Number ? index.GetInt32() : null;

    public string? Text(string field) => Body.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public bool Flag(string field) => Body.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.True;

    public double Number(string field) => Body.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;
}

/// <summary>
/// The Python harness (<c>Harness/harness.py</c>, embedded) and the requests that carry it to the sandbox: the
/// harness is the program, one <see cref="HarnessJob"/> is the input, the benchmark policy applies (canonical
/// solutions import what they like; isolation still holds).
/// </summary>
public static class CodeHarness
{
    public static string Program { get; } = ReadProgram();

    /// <summary>Part of every ground-truth cache key: a changed harness recomputes the references.</summary>
    public static string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Program)));

    public static ExecutionRequest Request(HarnessJob job, TimeSpan timeout) =>
        new(Program, job.Source)
        {
            Policy = ExecutionPolicy.Benchmark,
            TimeoutMs = (int)Math.Clamp(timeout.TotalMilliseconds, 1000, int.MaxValue),
        };

    /// <summary>
    /// The harness's report when the request ran to the end; null when the process did not report (the candidate
    /// killed it, outran the outer deadline, or ran out of memory: <see cref="ExecutionResult.Status"/> says which).
    /// </summary>
    /// <exception cref="InvalidOperationException">The sandbox refused or mangled the harness itself.</exception>
    public static HarnessReport? Read(ExecutionResult result)
    {
        switch (result.Status)
        {
            case ExecutionStatus.Ok:
                break;
            case ExecutionStatus.Error or ExecutionStatus.Timeout or ExecutionStatus.Memory:
                return null;
            default:
                throw new InvalidOperationException($"the sandbox did not run the scoring harness ({result.Status}: {result.Error})");
        }

        var json = UnquotePythonString(result.Output ?? "");
        try
        {
            using var document = JsonDocument.Parse(json);
            return new HarnessReport(document.RootElement.Clone());
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"the scoring harness returned something that is not its report ({e.Message}): {Clip(result.Output)}");
        }
    }

    /// <summary>The status as the <c>azr exec</c> contract spells it (<c>timeout</c>, <c>output_too_large</c>).</summary>
    public static string StatusName(ExecutionResult result) => JsonNamingPolicy.SnakeCaseLower.ConvertName(result.Status.ToString());

    /// <summary>The value of the repr of an ASCII str (the harness returns <c>json.dumps(..., ensure_ascii=True)</c>).</summary>
    internal static string UnquotePythonString(string repr)
    {
        if (repr.Length < 2 || repr[0] != repr[^1] || repr[0] is not ('\'' or '"'))
            throw new InvalidOperationException($"the scoring harness returned no string: {Clip(repr)}");
        var text = new StringBuilder(repr.Length);
        for (var i = 1; i < repr.Length - 1; i++)
        {
            var c = repr[i];
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            var escape = repr[++i];
            switch (escape)
            {
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'x':
                    text.Append((char)Convert.ToInt32(repr.Substring(i + 1, 2), 16));
                    i += 2;
                    break;
                default: text.Append(escape); break;
            }
        }

        return text.ToString();
    }

    private static string ReadProgram()
    {
        using var stream = typeof(CodeHarness).Assembly.GetManifestResourceStream("AbsoluteZero.Evaluation.harness.py")
            ?? throw new InvalidOperationException("the harness resource is missing from AbsoluteZero.Evaluation");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string Clip(string? text) => text is null ? "(nothing)" : text.Length <= 300 ? text : text[..300] + "…";
}
