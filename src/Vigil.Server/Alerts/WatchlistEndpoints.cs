using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Vigil.Core.Patterning;
using Vigil.Correlation.Observables;
using Vigil.Correlation.Watchlists;
using Vigil.Server.Access;
using Vigil.Server.Hosting;
using Vigil.Storage.Alerts;

namespace Vigil.Server.Alerts;

/// <summary><c>/api/rest/watchlists</c>: a member's watchlists (list, create, get, delete). Each member sees only its own.</summary>
internal static partial class WatchlistEndpoints
{
    private const int MaxCriteria = 1000;

    public static async Task<IResult> ListAsync(HttpContext context, [FromServices] SqlWatchlistStore store)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ApiProblems.Unauthorized(context);
        }

        var all = await store.ListAsync(caller.Organization.Id, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(all.Select(WatchlistView.From).ToList());
    }

    public static async Task<IResult> GetAsync(HttpContext context, string id, [FromServices] SqlWatchlistStore store)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ApiProblems.Unauthorized(context);
        }

        return await store.GetAsync(caller.Organization.Id, id, context.RequestAborted).ConfigureAwait(false) is { } watchlist
            ? TypedResults.Ok(WatchlistView.From(watchlist))
            : ApiProblems.NotFound(context, $"id: your organization has no watchlist '{id}'.");
    }

    public static async Task<IResult> DeleteAsync(HttpContext context, string id, [FromServices] SqlWatchlistStore store)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ApiProblems.Unauthorized(context);
        }

        return await store.DeleteAsync(caller.Organization.Id, id, context.RequestAborted).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound(context, $"id: your organization has no watchlist '{id}'.");
    }

    public static async Task<IResult> CreateAsync(HttpContext context, [FromServices] SqlWatchlistStore store, [FromServices] ObservableNormalizer normalizer,
        [FromServices] IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        if (context.GetCaller() is not { } caller)
        {
            return ApiProblems.Unauthorized(context);
        }

        WatchlistRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<WatchlistRequest>(context.Request.Body, json.Value.SerializerOptions, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return ApiProblems.Invalid(context, e.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "body", "not acceptable JSON: " + e.Message);
        }

        if (request is null)
        {
            return ApiProblems.Invalid(context, "body", "send a JSON object with a name and at least one criterion");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var values = Values(request, normalizer, errors);
        Check(request, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(context, errors);
        }

        var criteria = new WatchlistSubscription
        {
            Id = string.Empty,
            SubscriberId = caller.Organization.Id,
            Values = values,
            Types = request.Types ?? [],
            Labels = request.Labels ?? [],
            CampaignIds = request.CampaignIds ?? [],
            Patterns = request.Patterns ?? [],
            CorrelatedWithOwnShares = request.CorrelatedWithOwnShares,
            IncludeOwnObjects = request.IncludeOwnObjects,
        };
        var watchlist = await store.CreateAsync(caller.Organization.Id, caller.User?.Id, request.Name!.Trim(), criteria, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Created($"/api/rest/watchlists/{watchlist.Id}", WatchlistView.From(watchlist));
    }

    private static List<ObservableKey> Values(WatchlistRequest request, ObservableNormalizer normalizer, Dictionary<string, string[]> errors)
    {
        var keys = new List<ObservableKey>();
        var values = request.Values ?? [];
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (value?.Kind is not { } kindText || !ObservableKinds.TryParse(kindText.Trim(), out var kind))
            {
                errors[$"values[{i}].kind"] = [$"'{value?.Kind}' is not an observable kind; use url, domain, account, email, ipv4, ipv6, file-hash or pdq"];
                continue;
            }

            if (string.IsNullOrWhiteSpace(value.Value))
            {
                errors[$"values[{i}].value"] = ["the value is missing"];
                continue;
            }

            try
            {
                keys.Add(normalizer.Normalize(kind, value.Value, kind == ObservableKind.Account ? value.Platform : value.Algorithm).Key);
            }
            catch (ObservableFormatException e)
            {
                errors[$"values[{i}].value"] = [e.Message];
            }
        }

        return keys;
    }

    private static void Check(WatchlistRequest request, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            errors["name"] = ["a name of 1 to 200 characters is required"];
        }

        var count = (request.Values?.Count ?? 0) + (request.Types?.Count ?? 0) + (request.Labels?.Count ?? 0) + (request.CampaignIds?.Count ?? 0) +
            (request.Patterns?.Count ?? 0);
        if (count == 0 && !request.CorrelatedWithOwnShares)
        {
            errors["body"] = ["name at least one criterion: values, types, labels, campaign_ids, patterns or correlated_with_own_shares"];
        }
        else if (count > MaxCriteria)
        {
            errors["body"] = [$"at most {MaxCriteria} criteria per watchlist; this one has {count}"];
        }

        CheckEach(request.Types, "types", t => StixType().IsMatch(t) ? null : "not a STIX type name (lowercase letters, digits and hyphens, 3 to 250 characters)", errors);
        CheckEach(request.Labels, "labels", l => l.Length is > 0 and <= 250 ? null : "a label of 1 to 250 characters", errors);
        CheckEach(request.CampaignIds, "campaign_ids", c => CampaignId().IsMatch(c) ? null : "not a campaign id (campaign--<UUID>)", errors);
        CheckEach(request.Patterns, "patterns", p => StixPatternParser.TryParse(p, out _, out var error) ? null : "not a valid STIX pattern: " + error, errors);
    }

    private static void CheckEach(IReadOnlyList<string>? items, string field, Func<string, string?> check, Dictionary<string, string[]> errors)
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var item = items![i];
            if ((item is null ? "must not be null" : check(item)) is { } message)
            {
                errors[$"{field}[{i}]"] = [message];
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]$")]
    private static partial Regex StixType();

    [GeneratedRegex("^campaign--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex CampaignId();
}
