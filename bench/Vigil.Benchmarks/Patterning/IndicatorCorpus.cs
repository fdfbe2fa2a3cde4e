using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Core.Patterning.Evaluation;

namespace Vigil.Benchmarks.Patterning;

/// <summary>
/// Synthetic indicators and observables in the proportions an election-integrity exchange sees: mostly URL, domain,
/// account and file-hash equality indicators, some URL-prefix (LIKE) indicators, a few multi-observation and OR
/// indicators, and one in a thousand MATCHES indicators that cannot be indexed. About one observable in ten carries
/// a value some indicator names.
/// </summary>
internal static class IndicatorCorpus
{
    private static readonly DateTimeOffset Start = new(2024, 11, 5, 0, 0, 0, TimeSpan.Zero);

    public static string[] Patterns(int count, int seed = 7)
    {
        var random = new Random(seed);
        var patterns = new string[count];
        var fallback = Math.Max(1, count / 1000);
        for (var i = 0; i < count; i++)
        {
            var k = random.Next(count);
            var bucket = i < fallback ? -1 : random.Next(100);
            patterns[i] = bucket switch
            {
                < 0 => $"[url:value MATCHES '^https://site{k}\\\\.example/p/[0-9]+$']",
                < 2 => $"[url:value LIKE 'https://site{k % 50_000}.example/%']",
                < 35 => $"[url:value = '{Url(k)}']",
                < 60 => $"[domain-name:value = '{Domain(k)}']",
                < 70 => $"[file:hashes.'SHA-256' = '{Hash(k, 32)}']",
                < 75 => $"[file:hashes.MD5 = '{Hash(k, 16)}' OR file:hashes.'SHA-256' = '{Hash(k + 1, 32)}']",
                < 85 => $"[user-account:account_login = 'acct_{k}' AND user-account:account_type = 'twitter']",
                < 93 => $"[ipv4-addr:value = '{Address(k)}']",
                < 98 => $"([domain-name:value = '{Domain(k)}'] FOLLOWEDBY [url:value = '{Url(k + 1)}']) WITHIN 600 SECONDS",
                _ => $"[domain-name:value = '{Domain(k)}' OR url:value = '{Url(k)}']",
            };
        }

        return patterns;
    }

    public static ObservationInput[] Observables(int count, int indicatorCount, int seed = 11)
    {
        var random = new Random(seed);
        var observables = new ObservationInput[count];
        for (var i = 0; i < count; i++)
        {
            // One in ten uses a key space shared with the indicators; the rest are fresh values.
            var k = random.Next(10) == 0 ? random.Next(indicatorCount) : indicatorCount + random.Next(1_000_000);
            JsonObject sco = random.Next(5) switch
            {
                0 => new JsonObject { ["type"] = "url", ["value"] = Url(k) },
                1 => new JsonObject { ["type"] = "domain-name", ["value"] = Domain(k) },
                2 => new JsonObject { ["type"] = "file", ["hashes"] = new JsonObject { ["SHA-256"] = Hash(k, 32), ["MD5"] = Hash(k, 16) } },
                3 => new JsonObject { ["type"] = "user-account", ["account_login"] = "acct_" + k.ToString(CultureInfo.InvariantCulture), ["account_type"] = "twitter" },
                _ => new JsonObject { ["type"] = "ipv4-addr", ["value"] = Address(k) },
            };
            observables[i] = ObservationInput.Of(sco, Start.AddSeconds(i));
        }

        return observables;
    }

    private static string Url(int k) => $"https://site{k % 50_000}.example/p/{k}";

    private static string Domain(int k) => $"d{k}.example";

    private static string Address(int k) => $"10.{(k >> 16) & 255}.{(k >> 8) & 255}.{k & 255}";

    private static string Hash(int k, int bytes)
    {
        Span<byte> buffer = stackalloc byte[32];
        new Random(k).NextBytes(buffer);
        return Convert.ToHexStringLower(buffer[..bytes]);
    }
}
