using AbsoluteZero.Core.Configuration;

namespace AbsoluteZero.Model.Training;

/// <summary>
/// The learning rate at an optimizer step (1-based): linear warm-up from 0 over <c>warmup_steps</c>, then constant
/// (the reference's choice), or cosine / linear decay to 0 at <paramref name="totalSteps"/> (as transformers'
/// get_cosine_schedule_with_warmup / get_linear_schedule_with_warmup).
/// </summary>
public sealed class ScheduledLearningRate(OptimizationSettings settings, int? totalSteps)
{
    public double At(long step)
    {
        var peak = settings.LearningRate;
        if (step <= settings.WarmupSteps)
            return peak * step / Math.Max(1, settings.WarmupSteps);
        if (settings.LrSchedule == Core.Configuration.LearningRateSchedule.Constant)
            return peak;
        var total = totalSteps ?? throw new InvalidOperationException($"lr_schedule {settings.LrSchedule} needs the run's total step count");
        var progress = Math.Clamp((double)(step - settings.WarmupSteps) / Math.Max(1, total - settings.WarmupSteps), 0.0, 1.0);
        return settings.LrSchedule == Core.Configuration.LearningRateSchedule.Cosine
            ? peak * 0.5 * (1.0 + Math.Cos(Math.PI * progress))
            : peak * (1.0 - progress);
    }
}
