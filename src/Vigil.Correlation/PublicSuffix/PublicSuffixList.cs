using System.Globalization;

namespace Vigil.Correlation.PublicSuffix;

/// <summary>
/// The Public Suffix List (https://publicsuffix.org/list/) with its normal, wildcard (<c>*.kobe.jp</c>) and exception
/// (<c>!city.kobe.jp</c>) rules from both the ICANN and the private section. Rules are held in their ASCII (punycode) form.
/// Matching follows the list's algorithm: an exception rule wins, else the rule with most labels, else the implicit <c>*</c>.
/// Hosts given to the match methods must already be lowercase ASCII without a trailing dot (see <c>DomainNormalizer</c>).
/// Immutable and thread-safe once loaded.
/// </summary>
public sealed class PublicSuffixList
{
    /// <summary>Where Debian's <c>publicsuffix</c> package installs the list.</summary>
    public const string DebianPath = "/usr/share/publicsuffix/public_suffix_list.dat";

    private const int MaxLabels = 128;

    private readonly Dictionary<string, PublicSuffixSection> _rules;
    private readonly Dictionary<string, PublicSuffixSection> _wildcardParents;
    private readonly Dictionary<string, PublicSuffixSection> _exceptions;
    private readonly Dictionary<string, PublicSuffixSection>.AlternateLookup<ReadOnlySpan<char>> _rulesBySpan;
    private readonly Dictionary<string, PublicSuffixSection>.AlternateLookup<ReadOnlySpan<char>> _wildcardsBySpan;
    private readonly Dictionary<string, PublicSuffixSection>.AlternateLookup<ReadOnlySpan<char>> _exceptionsBySpan;

    private PublicSuffixList(
        Dictionary<string, PublicSuffixSection> rules,
        Dictionary<string, PublicSuffixSection> wildcardParents,
        Dictionary<string, PublicSuffixSection> exceptions)
    {
        _rules = rules;
        _wildcardParents = wildcardParents;
        _exceptions = exceptions;
        _rulesBySpan = rules.GetAlternateLookup<ReadOnlySpan<char>>();
        _wildcardsBySpan = wildcardParents.GetAlternateLookup<ReadOnlySpan<char>>();
        _exceptionsBySpan = exceptions.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of rules of all three kinds.</summary>
    public int RuleCount => _rules.Count + _wildcardParents.Count + _exceptions.Count;

    /// <summary>Loads the list installed by Debian's <c>publicsuffix</c> package.</summary>
    /// <exception cref="PublicSuffixListMissingException">The file is not there.</exception>
    public static PublicSuffixList LoadDebian() => Load(DebianPath);

    public static PublicSuffixList Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new PublicSuffixListMissingException(
                $"The Public Suffix List is missing at {path}. Install the Debian/Ubuntu package 'publicsuffix' (apt-get install publicsuffix), "
                + "or pass the path of a public_suffix_list.dat downloaded from https://publicsuffix.org/list/.",
                path);
        }

        using var reader = new StreamReader(path);
        return Parse(reader);
    }

    /// <summary>Parses the <c>.dat</c> format: one rule per line (first token), <c>//</c> comments, section markers.</summary>
    /// <exception cref="FormatException">A rule cannot be read; the message names the line.</exception>
    public static PublicSuffixList Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rules = new Dictionary<string, PublicSuffixSection>(StringComparer.Ordinal);
        var wildcards = new Dictionary<string, PublicSuffixSection>(StringComparer.Ordinal);
        var exceptions = new Dictionary<string, PublicSuffixSection>(StringComparer.Ordinal);
        var idn = new IdnMapping();
        var section = PublicSuffixSection.Icann;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var text = line.AsSpan().Trim();
            if (text.StartsWith("//", StringComparison.Ordinal))
            {
                if (text.Contains("===BEGIN PRIVATE DOMAINS===", StringComparison.Ordinal))
                {
                    section = PublicSuffixSection.Private;
                }
                else if (text.Contains("===BEGIN ICANN DOMAINS===", StringComparison.Ordinal))
                {
                    section = PublicSuffixSection.Icann;
                }

                continue;
            }

            if (text.IsEmpty)
            {
                continue;
            }

            var space = text.IndexOfAny(' ', '\t');
            var rule = (space < 0 ? text : text[..space]).ToString();
            var target = rules;
            if (rule.StartsWith('!'))
            {
                rule = rule[1..];
                target = exceptions;
            }
            else if (rule.StartsWith("*.", StringComparison.Ordinal))
            {
                rule = rule[2..];
                target = wildcards;
            }

            if (rule.Length == 0 || rule.Contains('*', StringComparison.Ordinal) || rule.Contains('!', StringComparison.Ordinal))
            {
                throw new FormatException($"Public Suffix List line {lineNumber}: unsupported rule '{text}'.");
            }

            string ascii;
            try
            {
                ascii = idn.GetAscii(rule.ToLowerInvariant());
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"Public Suffix List line {lineNumber}: rule '{text}' is not a valid domain ({e.Message}).", e);
            }

            target.TryAdd(ascii, section);
        }

        if (rules.Count == 0)
        {
            throw new FormatException("The Public Suffix List holds no rules.");
        }

        return new PublicSuffixList(rules, wildcards, exceptions);
    }

    /// <summary>Matches a lowercase ASCII host; <paramref name="includePrivate"/> false ignores the private section.</summary>
    public PublicSuffixMatch Match(ReadOnlySpan<char> host, bool includePrivate = true)
    {
        Span<int> starts = stackalloc int[MaxLabels];
        var count = 0;
        starts[count++] = 0;
        for (var i = 0; i < host.Length; i++)
        {
            if (host[i] == '.')
            {
                if (count == MaxLabels)
                {
                    throw new ArgumentException("The host has more than 127 labels.", nameof(host));
                }

                starts[count++] = i + 1;
            }
        }

        for (var i = 0; i < count - 1; i++)
        {
            if (_exceptionsBySpan.TryGetValue(host[starts[i]..], out var exceptionSection) && Allowed(exceptionSection, includePrivate))
            {
                return Result(starts, i + 1, listed: true, exceptionSection);
            }
        }

        for (var i = 0; i < count; i++)
        {
            if (_rulesBySpan.TryGetValue(host[starts[i]..], out var section) && Allowed(section, includePrivate))
            {
                return Result(starts, i, listed: true, section);
            }

            if (i + 1 < count && _wildcardsBySpan.TryGetValue(host[starts[i + 1]..], out var wildSection) && Allowed(wildSection, includePrivate))
            {
                return Result(starts, i, listed: true, wildSection);
            }
        }

        return Result(starts, count - 1, listed: false, PublicSuffixSection.Icann);
    }

    /// <summary>The public suffix of a lowercase ASCII host (e.g. <c>co.uk</c> for <c>www.bbc.co.uk</c>).</summary>
    public string GetPublicSuffix(string host, bool includePrivate = true)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host[Match(host, includePrivate).SuffixStart..];
    }

    /// <summary>The registrable domain (public suffix plus one label) of a lowercase ASCII host, or null when the host is a public suffix.</summary>
    public string? GetRegistrableDomain(string host, bool includePrivate = true)
    {
        ArgumentNullException.ThrowIfNull(host);
        var match = Match(host, includePrivate);
        return match.RegistrableStart < 0 ? null : match.RegistrableStart == 0 ? host : host[match.RegistrableStart..];
    }

    public bool IsPublicSuffix(string host, bool includePrivate = true)
    {
        ArgumentNullException.ThrowIfNull(host);
        var match = Match(host, includePrivate);
        return match.SuffixStart == 0 && match.Listed;
    }

    private static bool Allowed(PublicSuffixSection section, bool includePrivate) =>
        includePrivate || section == PublicSuffixSection.Icann;

    private static PublicSuffixMatch Result(ReadOnlySpan<int> starts, int suffixLabel, bool listed, PublicSuffixSection section) =>
        new(starts[suffixLabel], suffixLabel == 0 ? -1 : starts[suffixLabel - 1], listed, section);
}
