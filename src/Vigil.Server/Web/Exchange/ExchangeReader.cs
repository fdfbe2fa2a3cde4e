using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Vigil.Core.Members;
using Vigil.Server.Access;
using Vigil.Server.Rest;
using Vigil.Storage.Correlation;
using Vigil.Storage.Members;
using Vigil.Storage.Objects;

namespace Vigil.Server.Web.Exchange;

/// <summary>
/// What the exchange pages read, always through the collections the caller may read and the object store's
/// policy-aware query (the same code paths as the REST API); nothing is filtered by permission after the fact.
/// </summary>
public sealed class ExchangeReader(IObjectStore objects, ReadableCollections readable, ICorrelationStore correlation, IMemberStore members, TimeProvider time)
{
    /// <summary>The object types the home page counts.</summary>
    public static readonly IReadOnlyList<string> CountedTypes = ["campaign", "intrusion-set", "indicator", "sighting", "report"];

    private const int RecentCount = 10;

    public Task<IReadOnlyList<Collection>> CollectionsAsync(HttpContext context) => readable.ForAsync(context);

    public async Task<IReadOnlyDictionary<string, string>> OrganizationNamesAsync(CancellationToken cancellationToken) =>
        (await members.ListOrganizationsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);

    /// <summary>
    /// The member's home: visible objects in total and by type (each count stops above <see cref="HomeSummary.CountCap"/>,
    /// so the page costs the same at a million objects), and the latest shares it may see.
    /// </summary>
    public async Task<HomeSummary> HomeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var collections = (await readable.ForAsync(context).ConfigureAwait(false)).Select(c => c.Id).ToArray();
        if (collections.Length == 0)
        {
            return new HomeSummary(0, 0, [], []);
        }

        var reader = context.GetReader();
        var cancellationToken = context.RequestAborted;
        var all = new ObjectQuery { Reader = reader, CollectionIds = collections, IncludeJson = false, CountAtMost = HomeSummary.CountCap };
        var total = await objects.CountAsync(all, cancellationToken).ConfigureAwait(false);
        var byType = new List<TypeCount>(CountedTypes.Count);
        foreach (var type in CountedTypes)
        {
            byType.Add(new TypeCount(type, await objects.CountAsync(all with { Types = [type] }, cancellationToken).ConfigureAwait(false)));
        }

        var weekAgo = DateAdded.FromTime(time.GetUtcNow() - TimeSpan.FromDays(7));
        var lastWeek = await objects.CountAsync(all with { AddedAfter = weekAgo }, cancellationToken).ConfigureAwait(false);
        var recent = await RecentAsync(all with { IncludeJson = true, CountAtMost = null }, collections, cancellationToken).ConfigureAwait(false);
        return new HomeSummary(total, lastWeek, byType, recent);
    }

    /// <summary>
    /// The latest visible versions: the newest few of each collection, each read backwards along its (collection, seq)
    /// index so it stops as soon as it has them, merged newest first.
    /// </summary>
    private async Task<IReadOnlyList<SearchHit>> RecentAsync(ObjectQuery query, IReadOnlyList<string> collections, CancellationToken cancellationToken)
    {
        var latest = new List<StoredObject>();
        foreach (var collection in collections)
        {
            var page = await objects.QueryAsync(query with { CollectionIds = [collection], NewestFirst = true, Limit = RecentCount }, cancellationToken)
                .ConfigureAwait(false);
            latest.AddRange(page.Items);
        }

        return [.. latest.OrderByDescending(o => o.Seq).Take(RecentCount).Select(RestHits.From)];
    }

    /// <summary>One page of the object browser: the REST search's parameters and query, read from the page's query string.</summary>
    public async Task<BrowsePage> BrowseAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (parameters, errors) = SearchParameters.Parse(context.Request.Query);
        if (parameters is null)
        {
            return new BrowsePage([], null, errors);
        }

        var (_, query, problem) = await ObjectSearch.BuildQueryAsync(context, readable).ConfigureAwait(false);
        if (problem is not null)
        {
            return new BrowsePage([], null, new Dictionary<string, string[]> { ["collection"] = ["is not a collection you may read"] });
        }

        if (query is null)
        {
            return new BrowsePage([], null, new Dictionary<string, string[]>());
        }

        var page = await objects.QueryAsync(query, context.RequestAborted).ConfigureAwait(false);
        return new BrowsePage([.. page.Items.Select(RestHits.From)], page.More ? page.Next : null, new Dictionary<string, string[]>());
    }

    /// <summary>An object with its relationships and sightings, or null when the caller may not see it (or it does not exist).</summary>
    public async Task<ObjectWithContext?> DetailAsync(HttpContext context, string id)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(id);
        return ObjectDetail.IsStixId(id) ? await ObjectDetail.FindAsync(id, context, objects, readable, correlation).ConfigureAwait(false) : null;
    }

    /// <summary>The visible objects among the ids, by id: the graph labels what the caller may see and nothing else.</summary>
    public async Task<IReadOnlyDictionary<string, SearchHit>> VisibleAsync(HttpContext context, IReadOnlyCollection<string> ids)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(ids);
        var result = new Dictionary<string, SearchHit>(StringComparer.Ordinal);
        var collections = (await readable.ForAsync(context).ConfigureAwait(false)).Select(c => c.Id).ToArray();
        if (collections.Length == 0 || ids.Count == 0)
        {
            return result;
        }

        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(100))
        {
            var page = await objects.QueryAsync(new ObjectQuery { Reader = context.GetReader(), CollectionIds = collections, Ids = chunk, Limit = 500 },
                context.RequestAborted).ConfigureAwait(false);
            foreach (var hit in page.Items.Select(RestHits.From))
            {
                result[hit.Object.GetProperty("id").GetString()!] = hit;
            }
        }

        return result;
    }

    /// <summary>The name a person would use for an object: its name, value or type.</summary>
    public static string DisplayName(JsonElement stix)
    {
        foreach (var property in (ReadOnlySpan<string>)["name", "value", "display_name", "account_login", "path", "abstract", "relationship_type"])
        {
            if (stix.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }

        return stix.TryGetProperty("type", out var type) ? type.GetString() ?? "object" : "object";
    }
}
