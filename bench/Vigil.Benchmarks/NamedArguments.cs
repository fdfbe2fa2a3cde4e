using System.Globalization;

namespace Vigil.Benchmarks;

/// <summary>The <c>--name value</c> options of the stopwatch bench modes.</summary>
internal static class NamedArguments
{
    public static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public static int Int(string[] args, string name, int fallback) =>
        Value(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
