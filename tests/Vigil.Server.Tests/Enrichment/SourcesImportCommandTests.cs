using Spectre.Console;
using Vigil.Cli.Sources;
using Vigil.Server.Enrichment;
using Vigil.Testing;

namespace Vigil.Server.Tests.Enrichment;

public sealed class SourcesImportCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("vigil-sources-");

    private static (IAnsiConsole Console, StringWriter Output) Console()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        return (console, output);
    }

    private static string Shared(string name)
    {
        var path = SharedData.Path("sources", name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"The shared source data {path} is missing; this test needs it.", path);
    }

    [Fact]
    public async Task State_media_matrix_summary_lists_rows_without_url_by_line_and_field()
    {
        var (console, output) = Console();
        var code = await SourcesImportCommand.RunAsync(new FileInfo(Shared("State_Media_Matrix.csv")), SourceFormat.StateMediaMatrix, false, console, CancellationToken.None);
        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.Contains("1,157", text, StringComparison.Ordinal);
        Assert.Contains("no URL, so the outlet cannot be matched by domain", text, StringComparison.Ordinal);
        Assert.Matches(@"\b4\b.*URL", text);
    }

    [Fact]
    public async Task Bad_rows_are_skipped_with_line_field_and_reason_and_the_rest_imported()
    {
        var path = Path.Combine(_directory.FullName, "ratings.csv");
        await File.WriteAllTextAsync(path, "provider,domain,score,label\nX,ok.example,0.5,\nX,bad.example,1.5,\nX,,0.2,\n");
        var (console, output) = Console();
        var code = await SourcesImportCommand.RunAsync(new FileInfo(path), SourceFormat.VigilRatings, false, console, CancellationToken.None);
        Assert.Equal(0, code);
        var lines = output.ToString().Split('\n');
        Assert.Contains(lines, l => l.Contains("imported", StringComparison.Ordinal) && l.Contains('1', StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(" 3 ", StringComparison.Ordinal) && l.Contains("score", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(" 4 ", StringComparison.Ordinal) && l.Contains("domain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Missing_column_or_file_fails_with_a_message_naming_it()
    {
        var path = Path.Combine(_directory.FullName, "labels.csv");
        await File.WriteAllTextAsync(path, "provider,domain\nX,a.example\n");
        var (console, output) = Console();
        Assert.Equal(1, await SourcesImportCommand.RunAsync(new FileInfo(path), SourceFormat.VigilStateMedia, false, console, CancellationToken.None));
        Assert.Contains("outlet", output.ToString(), StringComparison.Ordinal);

        Assert.Equal(1, await SourcesImportCommand.RunAsync(new FileInfo(Path.Combine(_directory.FullName, "absent.csv")), SourceFormat.VigilRatings, false, console, CancellationToken.None));
        Assert.Contains("absent.csv", output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
