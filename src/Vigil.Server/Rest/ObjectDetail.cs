using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Core.Sharing;
using Vigil.Server.Access;
using Vigil.Server.Hosting;
using Vigil.Server.Log.Reads;
using Vigil.Storage.Correlation;
using Vigil.Storage.Objects;

namespace Vigil.Server.Rest;

internal static partial class ObjectDetail
{
    /// <summary>At most this many relationships and sightings are returned with an object.</summary>
    private const int MaxContext = 500;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,249}--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex StixId();

    public static async Task<IResult> GetAsync(string id, HttpContext context, [FromServices] IObjectStore objects, [FromServices] ReadableCollections readable,
        [FromServices] ICorrelationStore correlation)
    {
        if (!StixId().IsMatch(id))
        {
            return ApiProblems.Invalid(context, "id", $"'{id}' is not a STIX identifier (type--UUID)");
        }

        var found = await FindAsync(id, context, objects, readable, correlation).ConfigureAwait(false);
        return found is null ? ApiProblems.NotFound(context, $"No object {id} that you may see.") : TypedResults.Ok(found);
    }

    public static bool IsStixId(string id) => StixId().IsMatch(id);

    /// <summary>The object's latest version the caller may see, with its context; null when there is none (the web UI shares this).</summary>
    public static async Task<ObjectWithContext?> FindAsync(string id, HttpContext context, IObjectStore objects, ReadableCollections readable,
        ICorrelationStore correlation)
    {
        var collections = (await readable.ForAsync(context).ConfigureAwait(false)).Select(c => c.Id).ToArray();
        var reader = context.GetReader();
        var found = collections.Length == 0
            ? null
            : (await objects.QueryAsync(new ObjectQuery { Reader = reader, CollectionIds = collections, Ids = [id], Limit = 100 }, context.RequestAborted)
                .ConfigureAwait(false)).Items.MaxBy(o => o.Version, StringComparer.Ordinal);
        if (found is null)
        {
            return null;
        }

        await context.RequestServices.GetRequiredService<ReadAuditor>().RecordAsync(context.GetCaller(), [(found.Id, found.AuthorOrgId)], context.RequestAborted)
            .ConfigureAwait(false);
        var relationships = await ReferringAsync(objects, reader, collections, "relationship", id, ["source_ref", "target_ref"], context.RequestAborted)
            .ConfigureAwait(false);
        var sightings = await ReferringAsync(objects, reader, collections, "sighting", id, ["sighting_of_ref", "observed_data_refs", "where_sighted_refs"], context.RequestAborted)
            .ConfigureAwait(false);
        var summary = await correlation.SightingsAsync([id], reader, collections, context.RequestAborted).ConfigureAwait(false);
        var hit = RestHits.From(found);
        return new ObjectWithContext(hit, relationships, sightings)
        {
            SightingSummary = summary.TryGetValue(id, out var seen) ? seen : SightingSummary.None,
            Sources = SourceLabelsOf(context, found.Json),
        };
    }

    /// <summary>Ratings and state-media labels for every URL and domain key of the object, from the loaded source registry.</summary>
    private static List<SourceLabels> SourceLabelsOf(HttpContext context, string? json)
    {
        var sources = context.RequestServices.GetService<Enrichment.EnrichmentSources>();
        var extractor = context.RequestServices.GetService<Vigil.Correlation.Extraction.StixObservableExtractor>();
        if (json is null || sources?.Registry is not { } registry || extractor is null || System.Text.Json.Nodes.JsonNode.Parse(json) is not System.Text.Json.Nodes.JsonObject stix)
        {
            return [];
        }

        var labels = new List<SourceLabels>();
        foreach (var key in extractor.KeysOrNone(stix).Where(k => k.Kind is Vigil.Correlation.Observables.ObservableKind.Url or Vigil.Correlation.Observables.ObservableKind.Domain))
        {
            var lookup = key.Kind == Vigil.Correlation.Observables.ObservableKind.Url ? registry.Lookup(key.Value) : registry.LookupHost(key.Value);
            if (lookup.IsEmpty)
            {
                continue;
            }

            labels.Add(new SourceLabels(key.ToString(), Enrichment.RatingView.From(lookup), Enrichment.StateMediaView.From(lookup)));
        }

        return labels;
    }

    /// <summary>
    /// Visible objects of one type whose reference properties name the id. The policy-aware query narrows by type and by
    /// the id appearing in the JSON text; the exact reference check then drops mere mentions (in a description, say).
    /// </summary>
    private static async Task<List<SearchHit>> ReferringAsync(
        IObjectStore objects, Reader reader, string[] collections, string type, string id, string[] properties, CancellationToken cancellationToken)
    {
        var hits = new List<SearchHit>();
        string? next = null;
        do
        {
            var page = await objects.QueryAsync(new ObjectQuery
            {
                Reader = reader, CollectionIds = collections, Types = [type], Text = id, Limit = 200, Next = next,
            }, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                var hit = RestHits.From(item);
                if (properties.Any(p => RestHits.RefersTo(hit.Object, p, id)))
                {
                    hits.Add(hit);
                }
            }

            next = page.More ? page.Next : null;
        }
        while (next is not null && hits.Count < MaxContext);

        return hits;
    }
}
