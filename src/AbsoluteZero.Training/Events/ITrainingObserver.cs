namespace AbsoluteZero.Training.Events;

/// <summary>
/// Receives a session's events, one at a time, in order, on the training thread. An implementation must return
/// quickly (queue slow work such as database writes or network sends and do it elsewhere): the step waits for it.
/// An exception thrown here fails the run.
/// </summary>
public interface ITrainingObserver
{
    void OnEvent(TrainingEvent trainingEvent);
}

/// <summary>Several observers, called in the order given.</summary>
public sealed class CompositeObserver(params IReadOnlyList<ITrainingObserver> observers) : ITrainingObserver
{
    public void OnEvent(TrainingEvent trainingEvent)
    {
        foreach (var observer in observers)
            observer.OnEvent(trainingEvent);
    }
}
