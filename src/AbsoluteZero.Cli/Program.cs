using System.CommandLine;

namespace AbsoluteZero.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("azr: AbsoluteZero.Web, the Absolute Zero Reasoner platform.");
        return root.Parse(args).Invoke();
    }
}
