using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Core.Patterning.Evaluation;
using Vigil.Correlation.Observables;

namespace Vigil.Server.Enrichment;

/// <summary>
/// Checks the observables of a match request and turns each into one untimed observation. A URL or domain whose
/// normalized form differs (case, IDN, default port, tracking parameters) is observed in both forms, so an indicator
/// written either way matches. A user account's <c>x_platform</c> stands in for a missing <c>account_type</c>.
/// </summary>
public static class MatchObservations
{
    public const int MaxObservables = 10_000;

    /// <summary>How many correlated objects a match answer lists per value (the newest).</summary>
    public const int CorrelatedPerValue = 20;
    private const int MaxErrors = 20;

    private static readonly HashSet<string> ValueTypes = new(StringComparer.Ordinal)
    {
        "url", "domain-name", "ipv4-addr", "ipv6-addr", "email-addr", "mac-addr",
    };

    public static ObservationInput[] Read(IReadOnlyList<JsonObject?> observables, ObservableNormalizer? normalizer, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(observables);
        ArgumentNullException.ThrowIfNull(errors);
        var inputs = new ObservationInput[observables.Count];
        for (var i = 0; i < observables.Count && errors.Count < MaxErrors; i++)
        {
            var path = $"$.observables[{i}]";
            if (observables[i] is not { } sco)
            {
                errors[path] = ["null; an object with at least 'type' is required"];
                continue;
            }

            if (Text(sco, "type") is not { Length: > 0 } type || !IsTypeName(type))
            {
                errors[path + ".type"] = ["missing or not a STIX object type name (lowercase letters, digits and '-')"];
                continue;
            }

            if (ValueTypes.Contains(type) && Text(sco, "value") is null)
            {
                errors[path + ".value"] = [$"a {type} needs 'value' as a string"];
                continue;
            }

            if (sco.Count < 2)
            {
                errors[path] = [$"a {type} needs at least one property besides 'type'"];
                continue;
            }

            if (type == "user-account" && sco["account_type"] is null && Text(sco, "x_platform") is { Length: > 0 } platform)
            {
                sco["account_type"] = platform.ToLowerInvariant();
            }

            var variant = normalizer is null ? null : Normalized(type, Text(sco, "value"), normalizer);
            inputs[i] = new ObservationInput
            {
                Objects = variant is null ? [sco] : [sco, variant],
                FirstObserved = DateTimeOffset.MinValue,
                LastObserved = DateTimeOffset.MaxValue,
            };
        }

        return inputs;
    }

    private static JsonObject? Normalized(string type, string? value, ObservableNormalizer normalizer)
    {
        if (value is null)
        {
            return null;
        }

        string? normalized = null;
        if (type == "url" && normalizer.Urls.TryNormalize(value, out var url, out _))
        {
            normalized = url.Url;
        }
        else if (type == "domain-name" && normalizer.Domains.TryNormalize(value, out var domain, out _))
        {
            normalized = domain.Host;
        }

        return normalized is null || normalized == value ? null : new JsonObject { ["type"] = type, ["value"] = normalized };
    }

    private static bool IsTypeName(string type)
    {
        foreach (var c in type)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return type.Length <= 250;
    }

    private static string? Text(JsonObject sco, string property) =>
        sco[property] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
