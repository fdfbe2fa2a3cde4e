using Vigil.Media.Pdq;

namespace Vigil.Benchmarks.Media;

internal static class MediaBenchData
{
    /// <summary>The shared PDQ test images (../shared/data/pdq/images, or VIGIL_SHARED_DATA).</summary>
    public static string ImageFolder()
    {
        var root = Environment.GetEnvironmentVariable("VIGIL_SHARED_DATA");
        if (string.IsNullOrEmpty(root))
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data");
                if (Directory.Exists(Path.Combine(candidate, "pdq")))
                {
                    root = candidate;
                    break;
                }
            }
        }

        var folder = Path.Combine(root ?? "/work/shared/data", "pdq", "images");
        return Directory.Exists(folder)
            ? folder
            : throw new DirectoryNotFoundException($"PDQ benchmark images not found at {folder}; set VIGIL_SHARED_DATA.");
    }

    /// <summary>Random hashes with a fixed seed, plus <paramref name="planted"/> near copies of the first one.</summary>
    public static PdqHash[] RandomHashes(int count, int planted, int seed = 42)
    {
        var random = new Random(seed);
        var hashes = new PdqHash[count];
        for (var i = 0; i < count; i++)
        {
            hashes[i] = new PdqHash((ulong)random.NextInt64(), (ulong)random.NextInt64(), (ulong)random.NextInt64(), (ulong)random.NextInt64());
        }

        for (var p = 1; p <= planted; p++)
        {
            Span<ulong> w = [hashes[0].W0, hashes[0].W1, hashes[0].W2, hashes[0].W3];
            for (var f = 0; f < p % 40; f++)
            {
                var bit = random.Next(256);
                w[bit >> 6] ^= 1UL << (bit & 63);
            }

            hashes[random.Next(1, count)] = new PdqHash(w[0], w[1], w[2], w[3]);
        }

        return hashes;
    }
}
