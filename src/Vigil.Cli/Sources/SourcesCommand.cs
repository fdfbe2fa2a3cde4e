using System.CommandLine;

namespace Vigil.Cli.Sources;

/// <summary><c>vigil sources</c>: source-credibility and state-media files.</summary>
public static class SourcesCommand
{
    public static Command Create() =>
        new("sources", "Source-credibility ratings and state-affiliated media labels.") { SourcesImportCommand.Create() };
}
