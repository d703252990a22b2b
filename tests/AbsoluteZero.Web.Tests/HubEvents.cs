using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace AbsoluteZero.Web.Tests;

/// <summary>Reading hub messages in tests: collect them in a channel, read the next one with a deadline.</summary>
public static class HubEvents
{
    public static ChannelReader<T> Collect<T>(HubConnection hub, string message)
    {
        var channel = Channel.CreateUnbounded<T>();
        hub.On<T>(message, e => channel.Writer.TryWrite(e));
        return channel.Reader;
    }

    /// <summary>Connects, subscribes to the run and returns the messages of one kind that arrive for it.</summary>
    public static async Task<ChannelReader<T>> SubscribeAsync<T>(HubConnection hub, string message, long runId)
    {
        var events = Collect<T>(hub, message);
        await hub.StartAsync();
        await hub.InvokeAsync("Subscribe", runId);
        return events;
    }

    public static async Task<T> NextAsync<T>(ChannelReader<T> events)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await events.ReadAsync(timeout.Token);
    }
}
