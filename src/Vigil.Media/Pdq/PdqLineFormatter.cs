using System.Globalization;

namespace Vigil.Media.Pdq;

/// <summary>
/// Lines in the reference pdq-photo-hasher's output formats, so outputs can be diffed:
/// <c>hash,quality,path</c> and, with --pdqdih-across, eight hashes then quality and path.
/// </summary>
public static class PdqLineFormatter
{
    public static string Format(PhotoHash hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        return Format(hash.Hash, hash.Quality, hash.Path);
    }

    public static string Format(PdqHash hash, int quality, string path) =>
        string.Create(CultureInfo.InvariantCulture, $"{hash},{quality},{path}");

    public static string FormatDihedralAcross(PdqDihedralResult result, string path)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.Join(',', result.Hashes.Select(h => h.ToString())) + string.Create(CultureInfo.InvariantCulture, $",{result.Quality},{path}");
    }

    /// <summary>Parses a <c>hash,quality,path</c> line (the path may itself contain commas).</summary>
    public static PhotoHash Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var first = line.IndexOf(',', StringComparison.Ordinal);
        var second = first < 0 ? -1 : line.IndexOf(',', first + 1);
        if (second < 0)
        {
            throw new FormatException($"Malformed hash line \"{line}\": expected hash,quality,path.");
        }

        var hash = PdqHash.Parse(line.AsSpan(0, first));
        if (!int.TryParse(line.AsSpan(first + 1, second - first - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var quality) || quality > 100)
        {
            throw new FormatException($"Malformed hash line \"{line}\": quality must be an integer 0..100.");
        }

        return new PhotoHash(line[(second + 1)..], hash, quality);
    }
}
