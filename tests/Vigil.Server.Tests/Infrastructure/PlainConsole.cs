using Spectre.Console;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>The console command tests hand to <c>vigil</c> commands: plain text (no ANSI codes, no colours), never interactive, written into a string.</summary>
public static class PlainConsole
{
    public static IAnsiConsole Create(StringWriter output, int? width = null)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (width is { } columns)
        {
            console.Profile.Width = columns;
        }

        return console;
    }
}
