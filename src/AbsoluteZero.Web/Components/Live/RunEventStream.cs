using AbsoluteZero.Web.Live;

namespace AbsoluteZero.Web.Components.Live;

/// <summary>
/// The hub's run events seen from inside <c>azr serve</c>, so Blazor circuits get the same <c>step</c> and
/// <c>status</c> events as SignalR clients without opening a connection back to their own server (which would need the
/// user's cookie and a reachable public address). Fed by <see cref="ObservedRunsHubLifetimeManager"/>.
/// </summary>
public sealed class RunEventStream
{
    private readonly Lock gate = new();
    private volatile Action<object>[] handlers = [];

    /// <summary>Calls <paramref name="handler"/> with every <see cref="StepEvent"/> and <see cref="StatusEvent"/> until disposed.</summary>
    public IDisposable Subscribe(Action<object> handler)
    {
        lock (gate)
            handlers = [.. handlers, handler];
        return new Subscription(this, handler);
    }

    internal void Publish(object message)
    {
        foreach (var handler in handlers)
        {
            try
            {
                handler(message);
            }
            catch (ObjectDisposedException)
            {
                // A circuit that went away between its last render and its unsubscribe.
            }
        }
    }

    private void Unsubscribe(Action<object> handler)
    {
        lock (gate)
            handlers = handlers.Where(h => h != handler).ToArray();
    }

    private sealed class Subscription(RunEventStream stream, Action<object> handler) : IDisposable
    {
        public void Dispose() => stream.Unsubscribe(handler);
    }
}
