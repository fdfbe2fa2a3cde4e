using Vigil.Testing;

namespace Vigil.Server.Tests.Media;

/// <summary>The shared PDQ test images and the reference pdq-photo-hasher's rows for them; a missing file fails the test.</summary>
internal static class PdqTestData
{
    public static string Image(string name) => Require(SharedData.Path("pdq", "images", name));

    public static string Decoded(string name) => Require(SharedData.Path("pdq", "decoded", name));

    /// <summary>The reference's <c>hash,quality,file</c> rows by file name.</summary>
    public static IReadOnlyDictionary<string, (string Hash, string Quality)> ExpectedOriginal() => Rows("expected-original.csv");

    /// <summary>The reference's 8 dihedral hashes by decoded file name.</summary>
    public static IReadOnlyDictionary<string, string[]> ExpectedDihedral() =>
        File.ReadLines(Require(SharedData.Path("pdq", "expected-dihedral.csv")))
            .Where(l => l.Length > 0)
            .Select(l => l.Split(','))
            .ToDictionary(f => f[^1], f => f[..8]);

    private static Dictionary<string, (string Hash, string Quality)> Rows(string file) =>
        File.ReadLines(Require(SharedData.Path("pdq", file)))
            .Where(l => l.Length > 0)
            .Select(l => l.Split(',', 3))
            .ToDictionary(f => f[2], f => (f[0], f[1]));

    private static string Require(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"The shared PDQ test data {path} is missing; this test needs it.", path);
}
