using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Access;
using Vigil.Server.Hosting;
using Vigil.Server.Log.Reads;
using Vigil.Storage.Objects;

namespace Vigil.Server.Rest;

internal static class ObjectSearch
{
    public static async Task<IResult> SearchAsync(HttpContext context, [FromServices] IObjectStore objects, [FromServices] ReadableCollections readable)
    {
        var (parameters, query, problem) = await BuildQueryAsync(context, readable).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (query is null)
        {
            return TypedResults.Ok(new SearchPage([], false, null));
        }

        var page = await objects.QueryAsync(query, context.RequestAborted).ConfigureAwait(false);
        await context.RequestServices.GetRequiredService<ReadAuditor>()
            .RecordAsync(context.GetCaller(), page.Items.Select(o => (o.Id, o.AuthorOrgId)), context.RequestAborted).ConfigureAwait(false);
        var hits = new List<SearchHit>(page.Items.Count);
        foreach (var item in page.Items)
        {
            var hit = RestHits.From(item);
            if (parameters!.Label is null || RestHits.HasLabel(hit.Object, parameters.Label))
            {
                hits.Add(hit);
            }
        }

        return TypedResults.Ok(new SearchPage(hits, page.More, page.Next));
    }

    /// <summary>
    /// Parses the search parameters and turns them into the one policy-aware query. The query is null (with no
    /// problem) when the caller may read no collection at all.
    /// </summary>
    public static async Task<(SearchParameters? Parameters, ObjectQuery? Query, IResult? Problem)> BuildQueryAsync(HttpContext context, ReadableCollections readable)
    {
        var (parameters, errors) = SearchParameters.Parse(context.Request.Query);
        if (parameters is null)
        {
            return (null, null, ApiProblems.Invalid(context, errors));
        }

        var collections = (await readable.ForAsync(context).ConfigureAwait(false)).Select(c => c.Id).ToList();
        if (parameters.Collections.Count > 0)
        {
            var unreadable = parameters.Collections.Where(c => !collections.Contains(c)).ToArray();
            if (unreadable.Length > 0)
            {
                // Unknown and unreadable look the same, so the answer does not reveal which collections exist.
                return (parameters, null, ApiProblems.NotFound(context, $"collection: no readable collection has id {string.Join(", ", unreadable)}"));
            }

            collections = [.. parameters.Collections];
        }

        if (collections.Count == 0)
        {
            return (parameters, null, null);
        }

        var query = new ObjectQuery
        {
            Reader = context.GetReader(),
            CollectionIds = collections,
            Types = parameters.Types,
            AuthorOrgIds = parameters.Authors,
            TlpLevels = parameters.Markings,
            Text = parameters.Text ?? (parameters.Label is { } label ? JsonSerializer.Serialize(label) : null),
            VersionFromTicks = parameters.FromTicks,
            VersionToTicks = parameters.ToTicks,
            AddedAfter = parameters.AddedAfter,
            Revoked = parameters.Revoked,
            Versions = parameters.AllVersions ? VersionMatch.All : VersionMatch.Last,
            Limit = parameters.Limit,
            Next = parameters.Next,
        };
        return (parameters, query, null);
    }
}
