using Vigil.Core.Sharing;

namespace Vigil.Cli.Detect;

/// <summary>The <c>--tlp</c> names.</summary>
public static class TlpNames
{
    public static IReadOnlyDictionary<string, TlpLevel> All { get; } = new Dictionary<string, TlpLevel>(StringComparer.OrdinalIgnoreCase)
    {
        ["clear"] = TlpLevel.Clear,
        ["white"] = TlpLevel.Clear,
        ["green"] = TlpLevel.Green,
        ["amber"] = TlpLevel.Amber,
        ["amber+strict"] = TlpLevel.AmberStrict,
        ["amber-strict"] = TlpLevel.AmberStrict,
        ["red"] = TlpLevel.Red,
    };
}
