using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Vigil.Core.Sharing;
using Vigil.Correlation.Extraction;
using Vigil.Correlation.Observables;
using Vigil.Correlation.Sources;
using Vigil.Server.Hosting;
using Vigil.Storage.Members;
using Vigil.Storage.Objects;

namespace Vigil.Server.Enrichment;

/// <summary>
/// <c>GET /public/lookup?url=…</c> or <c>?domain=…</c>, no sign-in: what the hub may tell anyone about a URL or domain.
/// Always answered as the public reader, whoever calls: ratings, state-media labels, and TLP:CLEAR objects of public
/// collections whose extracted observables touch the value (found by a text search on the host, then checked exactly).
/// </summary>
internal static class PublicLookup
{
    public const int MaxInputLength = 4096;
    private const int PageSize = 200;
    private const int MaxPages = 5;
    private const int MaxObjects = 50;

    public static async Task<IResult> GetAsync(
        HttpContext context, [FromServices] EnrichmentSources sources, [FromServices] IObjectStore objects, [FromServices] IMemberStore members)
    {
        var query = context.Request.Query;
        var url = query["url"].ToString();
        var domain = query["domain"].ToString();
        if (url.Length > 0 == domain.Length > 0)
        {
            return ApiProblems.Invalid(context, "url", "give exactly one of the query parameters url and domain");
        }

        var (field, input) = url.Length > 0 ? ("url", url) : ("domain", domain);
        if (input.Length > MaxInputLength)
        {
            return ApiProblems.Invalid(context, field, $"the value is {input.Length} characters long; at most {MaxInputLength} are accepted");
        }

        if (sources.Normalizer is not { } normalizer)
        {
            return ApiProblems.Status(context, StatusCodes.Status503ServiceUnavailable, "Lookup unavailable", sources.Problem ?? "the source registry is not loaded");
        }

        PublicLookupResult result;
        ObservableKey exact;
        if (field == "url")
        {
            if (!normalizer.Urls.TryNormalize(input, out var normalized, out var error))
            {
                return ApiProblems.Invalid(context, "url", error);
            }

            exact = new ObservableKey(ObservableKind.Url, string.Empty, normalized.Url);
            result = Describe(input, "url", normalized.Url, normalized.Display, normalized.Host, normalized.RegistrableDomain, normalized.Skeleton, normalized.Flags,
                sources.Registry?.Lookup(normalized.Url));
        }
        else
        {
            if (!normalizer.Domains.TryNormalize(input, out var normalized, out var error))
            {
                return ApiProblems.Invalid(context, "domain", error);
            }

            exact = new ObservableKey(ObservableKind.Domain, string.Empty, normalized.Host);
            result = Describe(input, "domain", normalized.Host, normalized.Unicode, normalized.Host, normalized.RegistrableDomain, normalized.Skeleton, normalized.Flags,
                sources.Registry?.LookupHost(StripWww(normalized.Host)));
        }

        var hostKey = new ObservableKey(ObservableKind.Domain, string.Empty, result.Host);
        var found = await ClearObjectsAsync(objects, members, new StixObservableExtractor(normalizer), exact, hostKey, result, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(result with { ExchangeObjects = found, SourcesProblem = sources.Problem });
    }

    private static PublicLookupResult Describe(
        string query, string kind, string normalized, string display, string host, string? registrable, string? skeleton, ObservableFlags flags, SourceLookup? lookup)
    {
        lookup ??= SourceLookup.None;
        return new PublicLookupResult
        {
            Query = query,
            Kind = kind,
            Normalized = normalized,
            Display = display,
            Host = host,
            RegistrableDomain = registrable,
            Skeleton = skeleton,
            Flags = new LookupFlags(
                Has(flags, ObservableFlags.Shortener), Has(flags, ObservableFlags.Punycode), Has(flags, ObservableFlags.Confusable),
                Has(flags, ObservableFlags.MixedScript), Has(flags, ObservableFlags.IpHost), Has(flags, ObservableFlags.UnlistedSuffix),
                Has(flags, ObservableFlags.Defanged)),
            Ratings = RatingView.From(lookup),
            StateMedia = StateMediaView.From(lookup),
            ExchangeObjects = [],
        };
    }

    private static async Task<IReadOnlyList<ExchangeObjectView>> ClearObjectsAsync(
        IObjectStore objects, IMemberStore members, StixObservableExtractor extractor, ObservableKey exact, ObservableKey hostKey, PublicLookupResult result,
        CancellationToken cancellationToken)
    {
        var collections = (await members.ListAllCollectionsAsync(cancellationToken).ConfigureAwait(false))
            .Where(c => c.CanRead(Reader.Public)).Select(c => c.Id).ToArray();
        if (collections.Length == 0)
        {
            return [];
        }

        var texts = new List<string> { result.Host };
        var displayHost = exact.Kind == ObservableKind.Domain ? result.Display : null;
        if (displayHost is not null && displayHost != result.Host)
        {
            texts.Add(displayHost);
        }

        var views = new List<ExchangeObjectView>();
        var seen = new HashSet<(string, string)>();
        foreach (var text in texts)
        {
            string? next = null;
            for (var page = 0; page < MaxPages && views.Count < MaxObjects; page++)
            {
                var found = await objects.QueryAsync(new ObjectQuery
                {
                    Reader = Reader.Public,
                    CollectionIds = collections,
                    TlpLevels = [TlpLevel.Clear],
                    Text = text,
                    Limit = PageSize,
                    Next = next,
                }, cancellationToken).ConfigureAwait(false);
                foreach (var item in found.Items)
                {
                    if (item.Tlp == TlpLevel.Clear && seen.Add((item.CollectionId, item.Id)) && Touches(extractor, item, exact, hostKey) is { } matchedOn)
                    {
                        using var document = JsonDocument.Parse(item.Json ?? "{}");
                        views.Add(new ExchangeObjectView(item.Id, item.Type, item.CollectionId, item.DateAdded, matchedOn, document.RootElement.Clone()));
                    }
                }

                next = found.Next;
                if (!found.More)
                {
                    break;
                }
            }
        }

        return views.Count > MaxObjects ? views[..MaxObjects] : views;
    }

    /// <summary><c>url</c> or <c>domain</c> when the object's extracted observables hold the exact value or its host; null otherwise.</summary>
    private static string? Touches(StixObservableExtractor extractor, StoredObject item, ObservableKey exact, ObservableKey hostKey)
    {
        if (item.Json is null || JsonNode.Parse(item.Json) is not JsonObject json)
        {
            return null;
        }

        var onHost = false;
        foreach (var extracted in extractor.Extract(json).Observables)
        {
            var observable = extracted.Observable;
            if (observable.Key == exact)
            {
                return exact.Kind == ObservableKind.Url ? "url" : "domain";
            }

            onHost |= observable.Key == hostKey || observable.Related.Contains(hostKey) || observable.Related.Contains(exact);
        }

        return onHost ? "domain" : null;
    }

    private static string StripWww(string host) => host.StartsWith("www.", StringComparison.Ordinal) && host.Length > 4 ? host[4..] : host;

    private static bool Has(ObservableFlags flags, ObservableFlags flag) => (flags & flag) != 0;
}
