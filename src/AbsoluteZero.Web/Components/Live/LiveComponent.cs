using Microsoft.AspNetCore.Components;

namespace AbsoluteZero.Web.Components.Live;

/// <summary>A component that reacts to the hub's run events (<see cref="RunEventStream"/>) on its own render thread.</summary>
public abstract class LiveComponent : ComponentBase, IDisposable
{
    private IDisposable? subscription;

    [Inject]
    private RunEventStream Events { get; set; } = default!;

    /// <summary>Set once the component is gone; loops and late events check it.</summary>
    protected CancellationTokenSource Disposed { get; } = new();

    /// <summary>Starts delivering events to <see cref="OnRunEventAsync"/>; call once the first data is loaded.</summary>
    protected void Listen() =>
        subscription ??= Events.Subscribe(e => _ = InvokeAsync(async () =>
        {
            if (!Disposed.IsCancellationRequested)
                await OnRunEventAsync(e);
        }));

    /// <summary>A <c>StepEvent</c> or <c>StatusEvent</c> of any run.</summary>
    protected abstract Task OnRunEventAsync(object runEvent);

    public virtual void Dispose()
    {
        subscription?.Dispose();
        Disposed.Cancel();
        Disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
