using Vigil.Media.Pdq;
using Vigil.Testing;

namespace Vigil.Media.Tests.Pdq;

/// <summary>Reads the reference's expected outputs from the shared PDQ test vectors.</summary>
internal static class ReferenceVectors
{
    public static string Image(string folder, string file) => SharedData.Path("pdq", folder, file);

    public static IReadOnlyList<string> RawLines(string csv) => Read(csv).ToList();

    public static IReadOnlyList<PhotoHash> Lines(string csv) =>
        Read(csv).Select(PdqLineFormatter.Parse).ToList();

    public static IReadOnlyList<(PdqHash[] Hashes, int Quality, string File)> Dihedral() =>
        Read("expected-dihedral.csv")
            .Select(line => line.Split(','))
            .Select(f => (f.Take(8).Select(PdqHash.Parse).ToArray(), int.Parse(f[8], System.Globalization.CultureInfo.InvariantCulture), f[9]))
            .ToList();

    private static IEnumerable<string> Read(string csv)
    {
        var path = SharedData.Path("pdq", csv);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"PDQ test vectors missing: {path}");
        }

        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0)
        {
            throw new InvalidDataException($"{path} holds no vectors.");
        }

        return lines;
    }
}
