using System.CommandLine;
using Vigil.Cli.Serve;
using Vigil.Cli.Sources;

namespace Vigil.Cli;

/// <summary>The <c>vigil</c> command line: one subcommand per file, each added here with one line.</summary>
public static class VigilCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Vigil: a self-hostable election-integrity threat exchange (STIX 2.1 / TAXII 2.1).");
        root.Add(ServeCommand.Create());
        root.Add(SourcesCommand.Create());
        root.Add(Audit.AuditCommand.Create());
        root.Add(Media.HashCommand.Create());
        root.Add(Media.MatchCommand.Create());
        root.Add(Media.BankCommand.Create());
        root.Add(Detect.DetectCommand.Create());
        root.Add(Ads.AdsCommand.Create());
        return root;
    }
}
