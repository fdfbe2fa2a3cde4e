using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Vigil.Media.Pdq;
using Vigil.Media.Video;

namespace Vigil.Server.Media;

/// <summary>
/// How a whole video's vPDQ hash is shared as STIX. The file SCO carries the frames in the custom property
/// <c>x_vigil_vpdq</c> (an array of <c>{"frame", "quality", "hash", "seconds"}</c>, the fields of the reference's
/// <c>frame,quality,hash,seconds</c> lines) and, under <c>hashes.vPDQ</c>, the digest naming them: the lowercase
/// SHA-256 of those lines, each ending in a line feed, with the seconds to three decimals. The indicator's pattern
/// <c>[file:hashes.vPDQ = 'DIGEST']</c> refers to it and carries the labels, like a PDQ indicator.
/// </summary>
public static partial class VpdqStixHashes
{
    public const string HashKey = "vPDQ";

    public const string FramesProperty = "x_vigil_vpdq";

    public static string PatternFor(string digest) => $"[file:hashes.{HashKey} = '{digest}']";

    public static string Digest(IEnumerable<VideoFrameHash> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var text = new StringBuilder();
        foreach (var frame in frames)
        {
            text.Append(VpdqFormat.Format(frame)).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static JsonArray ToJson(IEnumerable<VideoFrameHash> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var array = new JsonArray();
        foreach (var f in frames)
        {
            array.Add(new JsonObject
            {
                ["frame"] = f.FrameNumber,
                ["quality"] = f.Quality,
                ["hash"] = f.Hash.ToString(),
                ["seconds"] = Math.Round(f.TimestampSeconds, 3),
            });
        }

        return array;
    }

    /// <summary>The vPDQ hash an object carries, or null; malformed frames make the whole object carry none.</summary>
    public static VpdqStixHash? Extract(JsonObject stixObject)
    {
        ArgumentNullException.ThrowIfNull(stixObject);
        var id = Text(stixObject, "id") ?? string.Empty;
        var type = Text(stixObject, "type") ?? string.Empty;
        if (type == "file" && stixObject["hashes"] is JsonObject hashes && stixObject[FramesProperty] is JsonArray frames)
        {
            var digest = hashes.FirstOrDefault(h => string.Equals(h.Key, HashKey, StringComparison.OrdinalIgnoreCase)).Value is JsonValue v
                && v.TryGetValue<string>(out var text) && IsDigest(text) ? text.ToLowerInvariant() : null;
            return digest is not null && FramesOf(frames) is { } parsed ? new VpdqStixHash(digest, parsed, id, type, null, Text(stixObject, "name")) : null;
        }

        if (type == "indicator" && Text(stixObject, "pattern") is { } pattern && Text(stixObject, "pattern_type") is null or "stix"
            && VpdqComparison().Match(pattern) is { Success: true } m)
        {
            var label = stixObject["labels"] is JsonArray { Count: > 0 } labels && labels[0] is JsonValue l && l.TryGetValue<string>(out var first) ? first : null;
            return new VpdqStixHash(m.Groups["digest"].Value.ToLowerInvariant(), null, id, type, label ?? Text(stixObject, "name"), Text(stixObject, "description"));
        }

        return null;
    }

    private static List<VideoFrameHash>? FramesOf(JsonArray array)
    {
        var frames = new List<VideoFrameHash>(array.Count);
        foreach (var node in array)
        {
            if (node is not JsonObject f
                || f["frame"] is not JsonValue frame || !frame.TryGetValue<int>(out var number)
                || f["quality"] is not JsonValue quality || !quality.TryGetValue<int>(out var q)
                || Text(f, "hash") is not { } hex || !PdqHash.TryParse(hex, out var hash)
                || f["seconds"] is not JsonValue seconds || !seconds.TryGetValue<double>(out var s))
            {
                return null;
            }

            frames.Add(new VideoFrameHash(number, hash, q, s));
        }

        return frames.Count > 0 ? frames : null;
    }

    private static bool IsDigest(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigit);

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    [GeneratedRegex(@"file:hashes\.(?:'vPDQ'|""vPDQ""|vPDQ)\s*=\s*'(?<digest>[0-9a-fA-F]{64})'", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex VpdqComparison();
}
