using Microsoft.AspNetCore.Http;
using Vigil.Correlation.Observables;
using Vigil.Server.Access;
using Vigil.Server.Rest;
using Vigil.Storage.Correlation;

namespace Vigil.Server.Web.Correlation;

/// <summary>The value page's lookup: the same normalization and policy-aware correlation query as <c>GET /api/rest/observables</c>.</summary>
public sealed class ValueReader(ObservableNormalizer normalizer, ICorrelationStore correlation, ReadableCollections readable)
{
    public const string Kinds = "url, domain, account, email, ipv4, ipv6, file-hash, pdq";

    public async Task<(ValueAnswer? Answer, Dictionary<string, string[]> Errors)> LookupAsync(HttpContext context, string? kind, string? value, string? qualifier)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(kind) || !ObservableKinds.TryParse(kind.Trim(), out var parsed))
        {
            errors["kind"] = [$"Choose a kind: {Kinds}."];
            return (null, errors);
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            errors["value"] = ["Enter the value to look up."];
            return (null, errors);
        }

        NormalizedObservable normalized;
        try
        {
            normalized = normalizer.Normalize(parsed, value, string.IsNullOrWhiteSpace(qualifier) ? null : qualifier.Trim());
        }
        catch (ObservableFormatException e)
        {
            errors[e.Reason is "the platform is missing" or "the hash algorithm is missing" ? "qualifier" : "value"] = [e.Message];
            return (null, errors);
        }

        var collections = (await readable.ForAsync(context).ConfigureAwait(false)).Select(c => c.Id).ToArray();
        var hits = collections.Length == 0
            ? []
            : await correlation.FindAsync(normalized.Key, context.GetReader(), collections, context.RequestAborted).ConfigureAwait(false);
        var flags = Enum.GetValues<ObservableFlags>().Where(f => f != 0 && normalized.Flags.HasFlag(f)).Select(f => f.ToString()).ToList();
        return (new ValueAnswer(normalized.Key.ToString(), normalized.Display ?? normalized.Key.Value, flags, [.. hits.Select(h => h.AuthorOrgId).Distinct(StringComparer.Ordinal)], hits), errors);
    }
}
