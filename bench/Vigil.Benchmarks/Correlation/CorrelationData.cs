using Vigil.Correlation.Observables;
using Vigil.Correlation.PublicSuffix;

namespace Vigil.Benchmarks.Correlation;

/// <summary>Deterministic synthetic inputs for the correlation benchmarks.</summary>
internal static class CorrelationData
{
    private static readonly string[] Suffixes = ["com", "org", "net", "co.uk", "de", "ru", "com.au", "info", "news", "github.io"];
    private static readonly string[] Tracking = ["utm_source=x", "utm_medium=social", "fbclid=IwAR0abc", "gclid=Cj0K", "igshid=1"];

    public static PublicSuffixList LoadSuffixes() => PublicSuffixList.LoadDebian();

    public static string Host(Random random, int site) =>
        (random.Next(3) switch { 0 => "www.", 1 => "news.", _ => string.Empty }) + "site" + site + "." + Suffixes[site % Suffixes.Length];

    /// <summary>Realistic messy URLs: mixed case, default ports, dot-segments, tracking parameters, fragments.</summary>
    public static string[] Urls(int count, int sites, int seed = 1)
    {
        var random = new Random(seed);
        var urls = new string[count];
        for (var i = 0; i < urls.Length; i++)
        {
            var host = Host(random, random.Next(sites));
            var scheme = random.Next(4) == 0 ? "HTTP" : "https";
            var port = random.Next(10) == 0 ? ":443" : string.Empty;
            var path = random.Next(5) == 0 ? "/a/../story-" + i : "/politics/2026/11/story-" + i;
            var query = random.Next(2) == 0 ? "?" + Tracking[random.Next(Tracking.Length)] + "&id=" + i : string.Empty;
            var fragment = random.Next(4) == 0 ? "#comments" : string.Empty;
            urls[i] = $"{scheme}://{(random.Next(3) == 0 ? host.ToUpperInvariant() : host)}{port}{path}{query}{fragment}";
        }

        return urls;
    }

    public static ObservableKey Domain(int site) => new(ObservableKind.Domain, string.Empty, "site" + site + "." + Suffixes[site % Suffixes.Length]);
}
