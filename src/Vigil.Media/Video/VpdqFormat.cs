using System.Globalization;
using Vigil.Media.Pdq;

namespace Vigil.Media.Video;

/// <summary>The reference's vPDQ text format: one <c>frame,quality,hash,seconds</c> line per frame.</summary>
public static class VpdqFormat
{
    public static string Format(VideoFrameHash frame) =>
        string.Create(CultureInfo.InvariantCulture, $"{frame.FrameNumber},{frame.Quality},{frame.Hash},{frame.TimestampSeconds:F3}");

    public static VideoFrameHash Parse(string line, string source = "(line)", int lineNumber = 0)
    {
        ArgumentNullException.ThrowIfNull(line);
        var f = line.Split(',');
        if (f.Length != 4
            || !int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var frame)
            || !int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var quality)
            || !PdqHash.TryParse(f[2], out var hash)
            || !double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new FormatException($"{source}:{lineNumber}: malformed vPDQ line \"{line}\" (expected frame,quality,hash,seconds)");
        }

        return new VideoFrameHash(frame, hash, quality, seconds);
    }

    public static IReadOnlyList<VideoFrameHash> ReadFile(string path) =>
        File.ReadLines(path).Select((l, i) => (l, i)).Where(x => x.l.Length > 0).Select(x => Parse(x.l, path, x.i + 1)).ToList();
}
