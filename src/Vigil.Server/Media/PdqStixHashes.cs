using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Vigil.Media.Pdq;

namespace Vigil.Server.Media;

/// <summary>
/// Finds PDQ hashes in STIX objects the way banks share them: a file SCO with a <c>PDQ</c> key in <c>hashes</c>, or an
/// indicator whose STIX pattern compares <c>file:hashes.PDQ</c> (quoted or not) with a 64-digit hexadecimal hash.
/// </summary>
public static partial class PdqStixHashes
{
    public const string HashKey = "PDQ";

    public static string PatternFor(PdqHash hash) => $"[file:hashes.{HashKey} = '{hash}']";

    public static IReadOnlyList<PdqStixHash> Extract(JsonObject stixObject)
    {
        ArgumentNullException.ThrowIfNull(stixObject);
        var id = Text(stixObject, "id") ?? string.Empty;
        var type = Text(stixObject, "type") ?? string.Empty;
        var found = new List<PdqStixHash>();
        if (type == "file" && stixObject["hashes"] is JsonObject hashes)
        {
            foreach (var (algorithm, value) in hashes)
            {
                if (string.Equals(algorithm, HashKey, StringComparison.OrdinalIgnoreCase)
                    && value is JsonValue v && v.TryGetValue<string>(out var text) && PdqHash.TryParse(text, out var hash))
                {
                    found.Add(new PdqStixHash(hash, id, type, null, Text(stixObject, "name")));
                }
            }
        }
        else if (type == "indicator" && Text(stixObject, "pattern") is { } pattern && Text(stixObject, "pattern_type") is null or "stix")
        {
            var label = stixObject["labels"] is JsonArray { Count: > 0 } labels && labels[0] is JsonValue l && l.TryGetValue<string>(out var first) ? first : null;
            foreach (Match m in PdqComparison().Matches(pattern))
            {
                if (PdqHash.TryParse(m.Groups["hash"].ValueSpan, out var hash))
                {
                    found.Add(new PdqStixHash(hash, id, type, label ?? Text(stixObject, "name"), Text(stixObject, "description")));
                }
            }
        }

        return found;
    }

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    [GeneratedRegex(@"file:hashes\.(?:'PDQ'|""PDQ""|PDQ)\s*=\s*'(?<hash>[0-9a-fA-F]{64})'", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PdqComparison();
}
