using System.Text;
using System.Text.Json;
using AbsoluteZero.Core.Json;

namespace AbsoluteZero.Web.Live;

/// <summary>
/// The NOTIFY payload of one recorded training step, sent in the transaction that wrote the step's metrics, so a
/// notice never announces a step that is not in the database. PostgreSQL caps a payload at 8000 bytes: a step whose
/// metrics do not fit is announced without them, and the relay reads them from the <c>metrics</c> table instead.
/// </summary>
public sealed record StepNotice(long RunId, int Step, DateTimeOffset WallTime, IReadOnlyDictionary<string, double>? Metrics)
{
    public const string Channel = "azr_run_step";

    /// <summary>Below PostgreSQL's 8000-byte limit, with room to spare.</summary>
    public const int MaxPayloadBytes = 7900;

    public static string Payload(long runId, int step, DateTimeOffset wallTime, IReadOnlyDictionary<string, double> metrics)
    {
        var full = JsonSerializer.Serialize(new StepNotice(runId, step, wallTime, metrics), AzrJson.Options);
        return Encoding.UTF8.GetByteCount(full) <= MaxPayloadBytes
            ? full
            : JsonSerializer.Serialize(new StepNotice(runId, step, wallTime, null), AzrJson.Options);
    }
}
