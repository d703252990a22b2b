using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace AbsoluteZero.Web.Hosting;

/// <summary>
/// Hangfire logs through one process-wide provider, set by whichever host configured Hangfire last. When that host
/// stops, its logger factory is disposed, and every other host's workers then failed right after fetching a job
/// (Hangfire.PostgreSql asks for a logger there), stranding the job until the invisibility timeout. This provider
/// goes quiet instead. It matters only when several hosts share a process, as serve and worker hosts do in the tests.
/// </summary>
public sealed class HangfireLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider inner = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Quiet.Instance;
        }
    }

    private sealed class Quiet : ILog
    {
        public static readonly Quiet Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
