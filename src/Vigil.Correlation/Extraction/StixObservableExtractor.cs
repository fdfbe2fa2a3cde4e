using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Correlation.Observables;

namespace Vigil.Correlation.Extraction;

/// <summary>
/// Finds the observable values a STIX object touches: the values of cyber-observable objects (<c>url</c>, <c>domain-name</c>,
/// <c>ipv4-addr</c>, <c>ipv6-addr</c>, <c>email-addr</c>, <c>user-account</c>, hashes of <c>file</c> and <c>artifact</c>
/// including a <c>PDQ</c> key), the equality terms of <c>indicator</c> patterns, the objects embedded in (2.0-style)
/// <c>observed-data</c>, and URLs and domains written in <c>name</c> and <c>description</c>. Patterns are read with Core's
/// STIX pattern parser; one that does not parse is reported and read with the tolerant <see cref="PatternEqualityScanner"/>.
/// Values that cannot be normalized are reported as problems with their path; extraction never throws for bad content.
/// </summary>
public sealed class StixObservableExtractor(ObservableNormalizer normalizer)
{
    public ExtractionResult Extract(JsonObject stixObject)
    {
        ArgumentNullException.ThrowIfNull(stixObject);
        var found = new List<ExtractedObservable>();
        var problems = new List<ExtractionProblem>();
        ExtractInto(stixObject, string.Empty, found, problems);
        return new ExtractionResult { Observables = found, Problems = problems };
    }

    /// <summary>
    /// The object's distinct keys, or none if extraction fails unexpectedly: for indexing, matching and labelling, where
    /// one object that cannot be read must not stop a share or the rest of a batch.
    /// </summary>
    public IReadOnlyList<ObservableKey> KeysOrNone(JsonObject stixObject)
    {
        try
        {
            return Extract(stixObject).Keys;
        }
#pragma warning disable CA1031 // Bad values are reported as problems; anything else thrown must still not fail the caller's whole operation.
        catch (Exception)
#pragma warning restore CA1031
        {
            return [];
        }
    }

    private void ExtractInto(JsonObject json, string prefix, List<ExtractedObservable> found, List<ExtractionProblem> problems)
    {
        var type = String(json, "type") ?? string.Empty;
        switch (type)
        {
            case "url":
                Add(ObservableKind.Url, String(json, "value"), null, prefix + "value", found, problems);
                break;
            case "domain-name":
                Add(ObservableKind.Domain, String(json, "value"), null, prefix + "value", found, problems);
                break;
            case "ipv4-addr":
                Add(ObservableKind.Ipv4, String(json, "value"), null, prefix + "value", found, problems);
                break;
            case "ipv6-addr":
                Add(ObservableKind.Ipv6, String(json, "value"), null, prefix + "value", found, problems);
                break;
            case "email-addr":
                Add(ObservableKind.Email, String(json, "value"), null, prefix + "value", found, problems);
                break;
            case "user-account":
                Account(json, prefix, found, problems);
                break;
            case "file":
            case "artifact":
                Hashes(json, prefix, found, problems);
                break;
            case "indicator":
                Pattern(json, prefix, found, problems);
                break;
            case "observed-data":
                if (json["objects"] is JsonObject embedded)
                {
                    foreach (var (name, node) in embedded)
                    {
                        if (node is JsonObject inner)
                        {
                            ExtractInto(inner, $"{prefix}objects.{name}.", found, problems);
                        }
                    }
                }

                break;
        }

        foreach (var field in (ReadOnlySpan<string>)["name", "description"])
        {
            if (String(json, field) is { Length: > 0 } text)
            {
                Text(text, prefix + field, found, problems);
            }
        }
    }

    private void Account(JsonObject json, string prefix, List<ExtractedObservable> found, List<ExtractionProblem> problems)
    {
        var platform = String(json, "x_platform") ?? String(json, "account_type");
        var login = String(json, "account_login");
        var userId = String(json, "user_id");
        if (login is null && userId is null)
        {
            return;
        }

        if (platform is null)
        {
            problems.Add(new ExtractionProblem(prefix + "account_type", "a user-account needs account_type or x_platform to be correlated"));
            return;
        }

        if (login is not null)
        {
            Try(() => AccountNormalizer.Handle(platform, login), prefix + "account_login", found, problems);
        }

        if (userId is not null)
        {
            Try(() => AccountNormalizer.UserId(platform, userId), prefix + "user_id", found, problems);
        }
    }

    private void Hashes(JsonObject json, string prefix, List<ExtractedObservable> found, List<ExtractionProblem> problems)
    {
        if (json["hashes"] is not JsonObject hashes)
        {
            return;
        }

        foreach (var (algorithm, node) in hashes)
        {
            if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            {
                var text = value.GetValue<string>();
                Try(() => HashNormalizer.Normalize(algorithm, text), $"{prefix}hashes.{algorithm}", found, problems);
            }
        }
    }

    private void Pattern(JsonObject json, string prefix, List<ExtractedObservable> found, List<ExtractionProblem> problems)
    {
        var patternType = String(json, "pattern_type") ?? "stix";
        if (patternType != "stix" || String(json, "pattern") is not { } pattern)
        {
            return;
        }

        var path = prefix + "pattern";
        if (!StixPatternTermReader.TryRead(pattern, out var terms, out var parseError))
        {
            // Index what a tolerant scan can read, and say the pattern is invalid.
            problems.Add(new ExtractionProblem(path, "the STIX pattern does not parse: " + parseError));
            terms = PatternEqualityScanner.Scan(pattern);
        }

        foreach (var term in terms)
        {
            var kind = PatternKind(term);
            if (kind is { } k)
            {
                Add(k, term.Value, null, path, found, problems);
            }
            else if (term.ObjectType is "file" or "artifact" && term.PropertyPath.StartsWith("hashes.", StringComparison.Ordinal))
            {
                var algorithm = term.PropertyPath["hashes.".Length..];
                Try(() => HashNormalizer.Normalize(algorithm, term.Value), path, found, problems);
            }
            else if (term.ObjectType == "user-account" && term.PropertyPath is "account_login" or "user_id")
            {
                var platform = PlatformTerm(terms, term.Observation);
                if (platform is null)
                {
                    problems.Add(new ExtractionProblem(path, $"user-account:{term.PropertyPath} = '{term.Value}' has no account_type or x_platform term beside it"));
                    continue;
                }

                Try(() => term.PropertyPath == "account_login" ? AccountNormalizer.Handle(platform, term.Value) : AccountNormalizer.UserId(platform, term.Value), path, found, problems);
            }
        }
    }

    private static ObservableKind? PatternKind(PatternEqualityTerm term) => (term.ObjectType, term.PropertyPath) switch
    {
        ("url", "value") => ObservableKind.Url,
        ("domain-name", "value") => ObservableKind.Domain,
        ("ipv4-addr", "value") => ObservableKind.Ipv4,
        ("ipv6-addr", "value") => ObservableKind.Ipv6,
        ("email-addr", "value") => ObservableKind.Email,
        ("email-message", "from_ref.value" or "sender_ref.value" or "to_refs[*].value" or "cc_refs[*].value") => ObservableKind.Email,
        _ => null,
    };

    private static string? PlatformTerm(IReadOnlyList<PatternEqualityTerm> terms, int observation)
    {
        foreach (var term in terms)
        {
            if (term.Observation == observation && term.ObjectType == "user-account" && term.PropertyPath is "account_type" or "x_platform")
            {
                return term.Value;
            }
        }

        return null;
    }

    private void Text(string text, string path, List<ExtractedObservable> found, List<ExtractionProblem> problems)
    {
        var (urls, domains) = TextObservableScanner.Scan(text);
        foreach (var url in urls)
        {
            Add(ObservableKind.Url, url, null, path, found, problems);
        }

        foreach (var domain in domains)
        {
            // Free text is noisy: keep only names that normalize and end in a listed suffix; do not report the rest.
            if (normalizer.Domains.TryNormalize(domain, out var normalized, out _)
                && (normalized.Flags & ObservableFlags.UnlistedSuffix) == 0
                && normalized.RegistrableDomain is not null)
            {
                found.Add(new ExtractedObservable(normalizer.Domain(domain), path));
            }
        }
    }

    private void Add(ObservableKind kind, string? value, string? qualifier, string path, List<ExtractedObservable> found, List<ExtractionProblem> problems)
    {
        if (value is null)
        {
            return;
        }

        try
        {
            found.Add(new ExtractedObservable(normalizer.Normalize(kind, value, qualifier), path));
        }
        catch (ObservableFormatException e)
        {
            problems.Add(new ExtractionProblem(path, e.Message));
        }
    }

    private static void Try(Func<ObservableKey> make, string path, List<ExtractedObservable> found, List<ExtractionProblem> problems)
    {
        try
        {
            found.Add(new ExtractedObservable(new NormalizedObservable { Key = make() }, path));
        }
        catch (ObservableFormatException e)
        {
            problems.Add(new ExtractionProblem(path, e.Message));
        }
    }

    private static string? String(JsonObject json, string name) =>
        json[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
