using System.CommandLine;

namespace Vigil.Cli.Ads;

/// <summary><c>vigil ads</c>: the political ad archive.</summary>
public static class AdsCommand
{
    public static Command Create() =>
        new("ads", "The political ad archive: load published ad library files.") { AdsImportCommand.Create() };
}
