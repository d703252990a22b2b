using System.CommandLine;

namespace AbsoluteZero.Cli.Commands;

/// <summary>Every verb of <c>azr</c>, in the order <c>azr --help</c> lists them. One file per verb beside this one.</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> Create() =>
    [
        ServeCommand.Create(),
        WorkerCommand.Create(),
        MigrateCommand.Create(),
        UsersCommand.Create(),
        ExecCommand.Create(),
        CheckResponseCommand.Create(),
        TokenizeCommand.Create(),
        TrainCommand.Create(),
        WatchCommand.Create(),
        GradeCommand.Create(),
        EvalCommand.Create(),
        BenchmarksCommand.Create(),
        BenchCommand.Create(),
    ];
}
