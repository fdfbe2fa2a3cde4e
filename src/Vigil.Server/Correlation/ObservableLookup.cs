using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Vigil.Correlation.Observables;
using Vigil.Server.Access;
using Vigil.Server.Hosting;
using Vigil.Server.Rest;
using Vigil.Storage.Correlation;

namespace Vigil.Server.Correlation;

/// <summary><c>GET /api/rest/observables?kind=url&amp;value=…</c> (plus <c>platform</c> for accounts, <c>algorithm</c> for file hashes).</summary>
internal static class ObservableLookup
{
    private const string Kinds = "url, domain, account, email, ipv4, ipv6, file-hash, pdq";

    public static async Task<IResult> GetAsync(HttpContext context, [FromQuery] string? kind, [FromQuery] string? value, [FromQuery] string? platform,
        [FromQuery] string? algorithm, [FromServices] ObservableNormalizer normalizer, [FromServices] ICorrelationStore correlation,
        [FromServices] ReadableCollections readable)
    {
        if (string.IsNullOrWhiteSpace(kind) || !ObservableKinds.TryParse(kind.Trim(), out var parsedKind))
        {
            return ApiProblems.Invalid(context, "kind", $"'{kind}' is not an observable kind; use one of {Kinds}");
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return ApiProblems.Invalid(context, "value", "the value to look up is missing");
        }

        NormalizedObservable normalized;
        try
        {
            normalized = normalizer.Normalize(parsedKind, value, parsedKind == ObservableKind.Account ? platform : algorithm);
        }
        catch (ObservableFormatException e)
        {
            var field = e.Reason switch
            {
                "the platform is missing" => "platform",
                "the hash algorithm is missing" => "algorithm",
                _ => "value",
            };
            return ApiProblems.Invalid(context, field, e.Message);
        }

        var collections = (await readable.ForAsync(context).ConfigureAwait(false)).Select(c => c.Id).ToArray();
        var hits = collections.Length == 0
            ? []
            : await correlation.FindAsync(normalized.Key, context.GetReader(), collections, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new ObservableAnswer(
            normalized.Key.ToString(),
            normalized.Display,
            FlagNames(normalized.Flags),
            normalized.Skeleton,
            [.. hits.Select(h => h.AuthorOrgId).Distinct(StringComparer.Ordinal)],
            hits.Count > 0 ? hits[0].DateAdded : null,
            hits.Count > 0 ? hits[^1].DateAdded : null,
            hits));
    }

    private static string[] FlagNames(ObservableFlags flags) =>
        [.. Enum.GetValues<ObservableFlags>().Where(f => f != ObservableFlags.None && flags.HasFlag(f)).Select(f => JsonNamingPolicy.KebabCaseLower.ConvertName(f.ToString()))];
}
