using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Vigil.Correlation.Extraction;

/// <summary>
/// Finds URLs (also defanged: <c>hxxps://</c>, <c>[.]</c>) and bare domain names in free text such as a name or description.
/// Candidates only: the extractor keeps those that normalize and whose suffix is in the Public Suffix List.
/// </summary>
public static partial class TextObservableScanner
{
    /// <summary>Common file extensions that are also top-level domains; a two-label name ending in one is taken for a file name.</summary>
    private static readonly FrozenSet<string> FileLikeSuffixes = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, ["zip", "mov", "py", "sh", "md", "rs", "pl", "so", "pm", "exe", "sys"]);

    public static IReadOnlyList<string> Urls(string text) => Scan(text).Urls;

    public static (IReadOnlyList<string> Urls, IReadOnlyList<string> Domains) Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var urls = new List<string>();
        var masked = text.ToCharArray();
        foreach (Match match in UrlPattern().Matches(text))
        {
            var value = match.Value.TrimEnd('.', ',', ';', ':', '!', '?', '\'', '"', ')', ']', '>');
            urls.Add(value);
            Array.Fill(masked, ' ', match.Index, match.Length);
        }

        var domains = new List<string>();
        foreach (Match match in DomainPattern().Matches(new string(masked)))
        {
            var value = match.Value;
            var lastDot = value.LastIndexOf('.');
            var labels = value.Split('.', StringSplitOptions.RemoveEmptyEntries).Length;
            if (labels == 2 && lastDot >= 0 && FileLikeSuffixes.Contains(value[(lastDot + 1)..]))
            {
                continue;
            }

            domains.Add(value);
        }

        return (urls, domains);
    }

    [GeneratedRegex(@"\b(?:https?|hxxps?|ftp)(?:://|\[://\]|\[:\]//)[^\s<>""'`]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"(?<![\w.-])(?:[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\.|\[\.\]))+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?(?![\w-]|\.\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DomainPattern();
}
