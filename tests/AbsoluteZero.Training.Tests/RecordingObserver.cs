using AbsoluteZero.Training.Events;

namespace AbsoluteZero.Training.Tests;

/// <summary>Keeps every event a session reports, and lets a test react to one as it happens.</summary>
public sealed class RecordingObserver(Action<TrainingEvent>? react = null) : ITrainingObserver
{
    public List<TrainingEvent> Events { get; } = [];

    public IEnumerable<T> Of<T>() where T : TrainingEvent => Events.OfType<T>();

    public void OnEvent(TrainingEvent trainingEvent)
    {
        Events.Add(trainingEvent);
        react?.Invoke(trainingEvent);
    }
}
