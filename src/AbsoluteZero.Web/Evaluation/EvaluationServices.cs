using AbsoluteZero.Data.Runs;
using AbsoluteZero.Web.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace AbsoluteZero.Web.Evaluation;

public static class EvaluationServices
{
    /// <summary>Evaluation runs (their launcher, under the key <see cref="RunKind.Eval"/>), their results and the leaderboard.</summary>
    public static IServiceCollection AddAzrEvaluation(this IServiceCollection services)
    {
        services.AddKeyedSingleton<IRunLauncher, EvaluationLauncher>(RunKind.Eval);
        services.AddSingleton<EvalModelResolver>();
        services.AddSingleton<EvalQueries>();
        services.AddSingleton<ReportedRowsSource>();
        services.AddSingleton<LeaderboardService>();
        return services;
    }
}
