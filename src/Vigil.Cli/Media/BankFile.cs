using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Media.Pdq;
using Vigil.Server.Media;

namespace Vigil.Cli.Media;

/// <summary>
/// Reads and writes hash banks. The text form has one <c>hash[,label[,source]]</c> line per hash: 64 hexadecimal
/// digits, a label without commas, and the rest of the line as the source (which may hold commas). Blank lines,
/// lines starting with <c>#</c> and a <c>hash,label,source</c> header before the first hash are skipped. A file whose first non-blank
/// character is <c>{</c> is read as a STIX bundle (or TAXII envelope) instead: every file SCO with
/// <c>hashes.PDQ</c> and every indicator whose pattern compares <c>file:hashes.PDQ</c>.
/// </summary>
public static class BankFile
{
    public const string Header = "hash,label,source";

    /// <exception cref="FormatException">A line or the JSON is malformed; the message names the file and line.</exception>
    public static async Task<IReadOnlyList<BankHash>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return text.AsSpan().TrimStart().StartsWith("{") ? ReadStix(text, path) : ReadText(text, path);
    }

    public static IReadOnlyList<BankHash> ReadText(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hashes = new List<BankHash>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] == '#' || (hashes.Count == 0 && line.StartsWith(Header, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var parts = line.Split(',', 3);
            if (!PdqHash.TryParse(parts[0].Trim(), out var hash))
            {
                var reason = parts[0].Trim().Length != PdqHash.HexLength
                    ? $"expected {PdqHash.HexLength} hexadecimal digits, got {parts[0].Trim().Length} characters"
                    : "it holds a character that is not a hexadecimal digit";
                throw new FormatException($"{path}:{lineNumber}: malformed PDQ hash \"{Clip(parts[0])}\": {reason}");
            }

            hashes.Add(new BankHash(hash, NonEmpty(parts.Length > 1 ? parts[1] : null), NonEmpty(parts.Length > 2 ? parts[2] : null)));
        }

        return hashes;
    }

    public static IReadOnlyList<BankHash> ReadStix(string json, string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: not valid JSON: {e.Message}", e);
        }

        if (root is not JsonObject { } bundle || bundle["objects"] is not JsonArray objects)
        {
            throw new FormatException($"{path}: not a STIX bundle or TAXII envelope (no \"objects\" array)");
        }

        var byHash = new Dictionary<PdqHash, BankHash>();
        var order = new List<PdqHash>();
        foreach (var node in objects)
        {
            if (node is not JsonObject o)
            {
                continue;
            }

            foreach (var found in PdqStixHashes.Extract(o))
            {
                if (!byHash.TryGetValue(found.Hash, out var known))
                {
                    order.Add(found.Hash);
                    byHash[found.Hash] = new BankHash(found.Hash, found.Label, found.Name);
                }
                else
                {
                    byHash[found.Hash] = known with { Label = known.Label ?? found.Label, Source = known.Source ?? found.Name };
                }
            }
        }

        return order.ConvertAll(h => byHash[h]);
    }

    public static string FormatText(IEnumerable<BankHash> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var h in hashes)
        {
            text.Append(h.Hash.ToString()).Append(',').Append(h.Label?.Replace(',', ';') ?? string.Empty).Append(',').Append(h.Source ?? string.Empty).Append('\n');
        }

        return text.ToString();
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Clip(string s) => s.Length > 70 ? s[..67] + "..." : s;
}
