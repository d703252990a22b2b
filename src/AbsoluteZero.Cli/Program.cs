using System.CommandLine;
using AbsoluteZero.Cli.Commands;

namespace AbsoluteZero.Cli;

public static class Program
{
    public static Task<int> Main(string[] args)
    {
        var root = new RootCommand("azr: the AbsoluteZero.Web command line (Absolute Zero Reasoner self-play training and evaluation).");
        foreach (var command in CommandCatalog.Create())
            root.Subcommands.Add(command);
        // Long enough for serve and worker to stop their Hangfire servers and record why running runs stopped.
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
    }
}
