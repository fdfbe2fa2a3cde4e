using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Media.Pdq;
using Vigil.Media.Video;
using Vigil.Server.Media;

namespace Vigil.Cli.Media;

/// <summary>
/// Reads and writes hash banks. The text form has one <c>hash[,label[,source]]</c> line per hash: 64 hexadecimal
/// digits, a label without commas, and the rest of the line as the source (which may hold commas). Blank lines,
/// lines starting with <c>#</c> and a <c>hash,label,source</c> header before the first hash are skipped. A whole video
/// (vPDQ) takes the place of the hash as <c>vpdq:</c> followed by its frames, each <c>frame/quality/hash/seconds</c>,
/// separated by <c>;</c>, or as <c>vpdq:@FILE</c>, a file of the reference's <c>frame,quality,hash,seconds</c> lines
/// (what <c>vigil hash VIDEO</c> prints) relative to the bank's folder. A file whose first non-blank character is
/// <c>{</c> is read as a STIX bundle (or TAXII envelope) instead: every file SCO with <c>hashes.PDQ</c>, every
/// indicator whose pattern compares <c>file:hashes.PDQ</c>, and every video as <see cref="VpdqStixHashes"/> shares it.
/// </summary>
public static class BankFile
{
    public const string Header = "hash,label,source";

    /// <summary>Marks a whole-video entry in the text form.</summary>
    public const string VideoPrefix = "vpdq:";

    /// <exception cref="FormatException">A line or the JSON is malformed; the message names the file and line.</exception>
    public static async Task<HashBank> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return text.AsSpan().TrimStart().StartsWith("{") ? ReadStix(text, path) : ReadText(text, path);
    }

    public static HashBank ReadText(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var hashes = new List<BankHash>();
        var videos = new List<BankVideo>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] == '#' || (hashes.Count + videos.Count == 0 && line.StartsWith(Header, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var parts = line.Split(',', 3);
            if (parts[0].Trim().StartsWith(VideoPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var frames = ReadFrames(parts[0].Trim()[VideoPrefix.Length..], path, lineNumber);
                videos.Add(new BankVideo(VpdqStixHashes.Digest(frames), frames, NonEmpty(parts.Length > 1 ? parts[1] : null), NonEmpty(parts.Length > 2 ? parts[2] : null)));
                continue;
            }

            if (!PdqHash.TryParse(parts[0].Trim(), out var hash))
            {
                var reason = parts[0].Trim().Length != PdqHash.HexLength
                    ? $"expected {PdqHash.HexLength} hexadecimal digits, got {parts[0].Trim().Length} characters"
                    : "it holds a character that is not a hexadecimal digit";
                throw new FormatException($"{path}:{lineNumber}: malformed PDQ hash \"{Clip(parts[0])}\": {reason}");
            }

            hashes.Add(new BankHash(hash, NonEmpty(parts.Length > 1 ? parts[1] : null), NonEmpty(parts.Length > 2 ? parts[2] : null)));
        }

        return new HashBank(hashes, videos);
    }

    /// <summary>The frames of a <c>vpdq:</c> field: inline <c>frame/quality/hash/seconds;…</c> or <c>@FILE</c>.</summary>
    private static List<VideoFrameHash> ReadFrames(string field, string bankPath, int lineNumber)
    {
        var where = $"{bankPath}:{lineNumber}";
        var frames = new List<VideoFrameHash>();
        if (field.StartsWith('@'))
        {
            var file = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(bankPath)) ?? ".", field[1..]);
            if (!File.Exists(file))
            {
                throw new FormatException($"{where}: the vPDQ frame file {file} does not exist");
            }

            var fileLine = 0;
            foreach (var frameLine in File.ReadLines(file))
            {
                fileLine++;
                if (frameLine.Trim() is { Length: > 0 } trimmed && trimmed[0] != '#')
                {
                    frames.Add(VpdqFormat.Parse(trimmed, file, fileLine));
                }
            }
        }
        else
        {
            foreach (var item in field.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                try
                {
                    frames.Add(VpdqFormat.Parse(item.Replace('/', ','), where));
                }
                catch (FormatException)
                {
                    throw new FormatException($"{where}: malformed vPDQ frame \"{Clip(item)}\" (expected frame/quality/hash/seconds)");
                }
            }
        }

        return frames.Count > 0 ? frames : throw new FormatException($"{where}: the vPDQ entry has no frames");
    }

    public static HashBank ReadStix(string json, string path)
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
        var videos = new Dictionary<string, BankVideo>(StringComparer.Ordinal);
        var videoLabels = new Dictionary<string, (string? Label, string? Source)>(StringComparer.Ordinal);
        var videoOrder = new List<string>();
        foreach (var node in objects)
        {
            if (node is not JsonObject o)
            {
                continue;
            }

            if (VpdqStixHashes.Extract(o) is { } video)
            {
                if (!videoOrder.Contains(video.Digest))
                {
                    videoOrder.Add(video.Digest);
                }

                if (video.Frames is { } frames)
                {
                    videos.TryAdd(video.Digest, new BankVideo(video.Digest, frames, null, null));
                }
                else if (!videoLabels.ContainsKey(video.Digest))
                {
                    videoLabels[video.Digest] = (video.Label, video.Name);
                }
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

        // A video whose frames no object carries cannot be matched and is left out.
        var bankVideos = videoOrder.Where(videos.ContainsKey)
            .Select(d => videoLabels.TryGetValue(d, out var l) ? videos[d] with { Label = l.Label, Source = l.Source } : videos[d])
            .ToList();
        return new HashBank(order.ConvertAll(h => byHash[h]), bankVideos);
    }

    public static string FormatText(HashBank bank)
    {
        ArgumentNullException.ThrowIfNull(bank);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var h in bank.Hashes)
        {
            Row(text, h.Hash.ToString(), h.Label, h.Source);
        }

        foreach (var v in bank.Videos)
        {
            Row(text, VideoPrefix + string.Join(';', v.Frames.Select(f => VpdqFormat.Format(f).Replace(',', '/'))), v.Label, v.Source);
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, string hash, string? label, string? source) =>
        text.Append(hash).Append(',').Append(label?.Replace(',', ';') ?? string.Empty).Append(',').Append(source ?? string.Empty).Append('\n');

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Clip(string s) => s.Length > 70 ? s[..67] + "..." : s;
}
