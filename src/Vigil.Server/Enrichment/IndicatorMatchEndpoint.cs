using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using System.Text.Json.Nodes;
using Vigil.Correlation.Extraction;
using Vigil.Server.Access;
using Vigil.Server.Hosting;
using Vigil.Server.Rest;
using Vigil.Storage.Correlation;

namespace Vigil.Server.Enrichment;

/// <summary>
/// <c>POST /api/rest/match</c>: a batch of observables (at most <see cref="MatchObservations.MaxObservables"/>) against
/// every active indicator the signed-in caller may see, by STIX pattern evaluation through the indexed matcher.
/// </summary>
internal static class IndicatorMatchEndpoint
{
    public static async Task<IResult> MatchAsync(
        HttpContext context, [FromServices] IndicatorCatalog catalog, [FromServices] ReadableCollections readable, [FromServices] EnrichmentSources sources,
        [FromServices] TimeProvider time, [FromServices] StixObservableExtractor extractor, [FromServices] ICorrelationStore correlation)
    {
        if (context.GetCaller() is null)
        {
            return ApiProblems.Unauthorized(context);
        }

        var (request, problem) = await JsonBody.ReadAsync<MatchRequest>(context).ConfigureAwait(false);
        if (request is null)
        {
            return problem!;
        }

        if (request.Observables is not { } observables)
        {
            return ApiProblems.Invalid(context, "$.observables", "required: an array of STIX cyber observables");
        }

        if (observables.Count > MatchObservations.MaxObservables)
        {
            return ApiProblems.Status(context, StatusCodes.Status413PayloadTooLarge, "Too many observables",
                $"$.observables: {observables.Count} observables sent; at most {MatchObservations.MaxObservables} are matched per request. Split the batch.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var inputs = MatchObservations.Read(observables, sources.Normalizer, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(context, errors);
        }

        var reader = context.GetReader();
        var collections = (await readable.ForAsync(context).ConfigureAwait(false)).Select(c => c.Id).ToArray();
        if (collections.Length == 0 || inputs.Length == 0)
        {
            return TypedResults.Ok(new MatchResponse(inputs.Length, 0, [], [], []));
        }

        var snapshot = await catalog.GetAsync(reader, collections, context.RequestAborted).ConfigureAwait(false);
        var (matches, undecided) = snapshot.Match(inputs, time.GetUtcNow());
        var confirmed = matches.Count == 0
            ? []
            : await catalog.ConfirmAsync(reader, collections, [.. matches.Select(m => m.Indicator.Id)], context.RequestAborted).ConfigureAwait(false);
        var views = new List<MatchedIndicator>(matches.Count);
        foreach (var (indicator, indices) in matches)
        {
            if (confirmed.Contains(indicator.Id))
            {
                views.Add(new MatchedIndicator(
                    indicator.Id, indicator.Name, indicator.PatternText, indicator.CollectionId, indicator.Tlp, indicator.AuthorOrg, indicator.ValidUntil, indices));
            }
        }

        var correlated = await CorrelatedAsync(observables, extractor, correlation, reader, collections, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new MatchResponse(
            inputs.Length, snapshot.Count, views, [.. undecided.Select(u => new UndecidedMatch(u.Id, u.Reason))], correlated));
    }

    /// <summary>Every normalized value of the batch, with the visible objects that touch it, in one policy-aware query.</summary>
    private static async Task<List<CorrelatedValue>> CorrelatedAsync(IReadOnlyList<JsonObject?> observables, StixObservableExtractor extractor,
        ICorrelationStore correlation, Vigil.Core.Sharing.Reader reader, string[] collections, CancellationToken cancellationToken)
    {
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < observables.Count; i++)
        {
            if (observables[i] is not { } observable)
            {
                continue;
            }

            foreach (var key in extractor.KeysOrNone(observable))
            {
                var text = key.ToString();
                if (!byKey.TryGetValue(text, out var indices))
                {
                    indices = [];
                    byKey[text] = indices;
                }

                indices.Add(i);
            }
        }

        var hits = await correlation.FindManyAsync(byKey.Keys, MatchObservations.CorrelatedPerValue, reader, collections, cancellationToken).ConfigureAwait(false);
        return [.. hits.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => new CorrelatedValue(h.Key, byKey[h.Key],
            [.. h.Value.Select(o => new CorrelatedObject(o.ObjectId, o.Type, o.CollectionId, o.AuthorOrgId, o.Tlp, o.DateAdded))]))];
    }
}
