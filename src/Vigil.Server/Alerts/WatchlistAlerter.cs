using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Core.Events;
using Vigil.Core.Members;
using Vigil.Correlation.Extraction;
using Vigil.Correlation.Observables;
using Vigil.Correlation.Watchlists;
using Vigil.Server.Access;
using Vigil.Storage.Alerts;
using Vigil.Storage.Members;
using Vigil.Storage.Objects;

namespace Vigil.Server.Alerts;

/// <summary>
/// Turns shared objects into alerts: matches each new version against every watchlist, then asks the object store, on
/// behalf of each subscribing organization and through the same policy query as any read, which of its hits the
/// organization may see. Only those become alerts (inbox rows, queued webhook deliveries, stream notices).
/// </summary>
public sealed class WatchlistAlerter(
    IObjectStore objects,
    IMemberStore members,
    ReaderFactory readers,
    SqlWatchlistStore watchlists,
    SqlAlertStore alerts,
    SqlShareLookup shares,
    StixObservableExtractor extractor,
    AlertBroadcaster broadcaster,
    TimeProvider? time = null) : IEventConsumer
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5);
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly BatchShareIndex _shareIndex = new();
    private WatchlistMatcher? _matcher;
    private bool _anyCorrelated;
    private long _builtVersion = -1;
    private DateTimeOffset _builtAt;

    public string Name => "watchlists";

    public async Task HandleAsync(IReadOnlyList<HubEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var matcher = await MatcherAsync(cancellationToken).ConfigureAwait(false);
        foreach (var hubEvent in events)
        {
            if (hubEvent.Kind != HubEventKinds.ObjectsShared || matcher.SubscriptionCount == 0)
            {
                continue;
            }

            var shared = JsonSerializer.Deserialize<ObjectsShared>(hubEvent.Payload)!;
            var versions = await objects.ReadRangeAsync(shared.CollectionId, shared.FirstSeq, shared.LastSeq, cancellationToken).ConfigureAwait(false);
            await AlertAsync(hubEvent.Id, shared.CollectionId, versions, matcher, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AlertAsync(long eventId, string collectionId, IReadOnlyList<StoredObject> versions, WatchlistMatcher matcher, CancellationToken cancellationToken)
    {
        var candidates = new List<(StoredObject Version, WatchlistCandidate Candidate)>(versions.Count);
        foreach (var version in versions)
        {
            if (JsonNode.Parse(version.Json!) is JsonObject json)
            {
                candidates.Add((version, Candidate(version, json)));
            }
        }

        // A sighting is about the values of the object it sights: watch lists on those values hear of it too, but only
        // subscribers who may also see the sighted object (checked below with the sighting itself).
        var sighted = await SightedKeysAsync(candidates, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (SightingOf(candidates[i].Candidate) is { } target && sighted.TryGetValue(target, out var targetKeys))
            {
                var candidate = candidates[i].Candidate;
                candidates[i] = (candidates[i].Version, candidate with
                {
                    Keys = [.. candidate.Keys.Concat(targetKeys.Select(Vigil.Correlation.Observables.ObservableKey.Parse)).Distinct()],
                });
            }
        }

        if (_anyCorrelated)
        {
            var keys = candidates.SelectMany(c => c.Candidate.Keys).Select(k => k.ToString()).ToHashSet(StringComparer.Ordinal);
            _shareIndex.Load(await shares.SharersAsync(keys, cancellationToken).ConfigureAwait(false));
        }

        var byOrg = new Dictionary<string, List<(StoredObject Version, WatchlistHit Hit)>>(StringComparer.Ordinal);
        var hits = new List<WatchlistHit>();
        foreach (var (version, candidate) in candidates)
        {
            hits.Clear();
            matcher.Match(candidate, hits);
            foreach (var hit in hits)
            {
                if (!byOrg.TryGetValue(hit.Subscription.SubscriberId, out var list))
                {
                    list = [];
                    byOrg[hit.Subscription.SubscriberId] = list;
                }

                list.Add((version, hit));
            }
        }

        if (byOrg.Count == 0)
        {
            return;
        }

        var collection = (await members.ListAllCollectionsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(c => c.Id == collectionId);
        var jsonBySeq = candidates.ToDictionary(c => c.Version.Seq, c => c.Version.Json!);
        var pending = new List<NewAlert>();
        var sightingTargets = candidates.Where(c => SightingOf(c.Candidate) is not null).ToDictionary(c => c.Version.Seq, c => SightingOf(c.Candidate)!);
        foreach (var (orgId, orgHits) in byOrg)
        {
            var visible = await VisibleSeqsAsync(orgId, collection, orgHits.Select(h => h.Version.Id).Distinct(StringComparer.Ordinal).ToList(), cancellationToken)
                .ConfigureAwait(false);
            var targets = orgHits.Select(h => sightingTargets.GetValueOrDefault(h.Version.Seq)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var visibleTargets = targets.Count == 0 ? [] : await VisibleObjectsAsync(orgId, targets, cancellationToken).ConfigureAwait(false);
            foreach (var (version, hit) in orgHits)
            {
                var throughTarget = sightingTargets.TryGetValue(version.Seq, out var target)
                    && (hit.Reasons & (WatchlistReasons.Value | WatchlistReasons.CorrelatedWithOwnShare)) != 0;
                if (visible.Contains(version.Seq) && (!throughTarget || visibleTargets.Contains(target!)))
                {
                    pending.Add(new NewAlert(orgId, hit.Subscription.Id, eventId, collectionId, version.Id, version.Type, version.Seq, Reasons(hit.Reasons)));
                }
            }
        }

        var stored = await alerts.AddAsync(pending, alert => Body(alert, jsonBySeq[alert.Seq]), cancellationToken).ConfigureAwait(false);
        foreach (var alert in stored)
        {
            broadcaster.Publish(alert.OrgId, AlertView.From(alert));
        }
    }

    /// <summary>Which of these object versions the organization may see, asked through the one policy query.</summary>
    private async Task<HashSet<long>> VisibleSeqsAsync(string orgId, Collection? collection, List<string> ids, CancellationToken cancellationToken)
    {
        var visible = new HashSet<long>();
        var caller = await readers.ForOrganizationAsync(orgId, cancellationToken).ConfigureAwait(false);
        if (caller is null || collection is null || !caller.CanRead(collection))
        {
            return visible;
        }

        for (var start = 0; start < ids.Count; start += 1000)
        {
            string? next = null;
            do
            {
                var page = await objects.QueryAsync(new ObjectQuery
                {
                    Reader = caller.Reader,
                    CollectionIds = [collection.Id],
                    Ids = ids.GetRange(start, Math.Min(1000, ids.Count - start)),
                    Versions = VersionMatch.All,
                    IncludeJson = false,
                    Limit = SqlObjectStore.MaxLimit,
                    Next = next,
                }, cancellationToken).ConfigureAwait(false);
                foreach (var item in page.Items)
                {
                    visible.Add(item.Seq);
                }

                next = page.Next;
            }
            while (next is not null);
        }

        return visible;
    }

    private static string? SightingOf(WatchlistCandidate candidate) =>
        candidate.Type == "sighting" && candidate.Json?["sighting_of_ref"] is JsonValue value && value.TryGetValue<string>(out var target) ? target : null;

    private async Task<Dictionary<string, HashSet<string>>> SightedKeysAsync(List<(StoredObject Version, WatchlistCandidate Candidate)> candidates,
        CancellationToken cancellationToken)
    {
        var targets = candidates.Select(c => SightingOf(c.Candidate)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return targets.Count == 0 ? [] : await shares.KeysOfObjectsAsync(targets, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Which of these objects the organization may see in any collection it reads, through the one policy query.</summary>
    private async Task<HashSet<string>> VisibleObjectsAsync(string orgId, List<string> ids, CancellationToken cancellationToken)
    {
        var visible = new HashSet<string>(StringComparer.Ordinal);
        var caller = await readers.ForOrganizationAsync(orgId, cancellationToken).ConfigureAwait(false);
        if (caller is null)
        {
            return visible;
        }

        var collections = (await members.ListAllCollectionsAsync(cancellationToken).ConfigureAwait(false)).Where(caller.CanRead).Select(c => c.Id).ToList();
        if (collections.Count == 0)
        {
            return visible;
        }

        var page = await objects.QueryAsync(new ObjectQuery
        {
            Reader = caller.Reader, CollectionIds = collections, Ids = ids, Versions = VersionMatch.All, IncludeJson = false, Limit = SqlObjectStore.MaxLimit,
        }, cancellationToken).ConfigureAwait(false);
        foreach (var item in page.Items)
        {
            visible.Add(item.Id);
        }

        return visible;
    }

    private WatchlistCandidate Candidate(StoredObject version, JsonObject json)
    {
        return new WatchlistCandidate
        {
            ObjectId = version.Id,
            Type = version.Type,
            Keys = extractor.KeysOrNone(json),
            Labels = Strings(json["labels"]),
            CampaignIds = Campaigns(version.Id, json),
            SharedBy = version.AuthorOrgId,
            Json = json,
        };
    }

    private static List<string> Campaigns(string id, JsonObject json)
    {
        var campaigns = new List<string>();
        if (id.StartsWith("campaign--", StringComparison.Ordinal))
        {
            campaigns.Add(id);
        }

        foreach (var property in new[] { "source_ref", "target_ref", "sighting_of_ref" })
        {
            if (json[property] is JsonValue value && value.TryGetValue<string>(out var reference) && reference.StartsWith("campaign--", StringComparison.Ordinal))
            {
                campaigns.Add(reference);
            }
        }

        campaigns.AddRange(Strings(json["object_refs"]).Where(r => r.StartsWith("campaign--", StringComparison.Ordinal)));
        return campaigns;
    }

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array
            ? [.. array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>()]
            : [];

    private static List<string> Reasons(WatchlistReasons reasons) =>
        [.. Enum.GetValues<WatchlistReasons>().Where(r => r != WatchlistReasons.None && reasons.HasFlag(r)).Select(r => JsonNamingPolicy.KebabCaseLower.ConvertName(r.ToString()))];

    private static string Body(Alert alert, string stixJson) =>
        JsonSerializer.Serialize(new { @event = "alert", alert = AlertView.From(alert, JsonNode.Parse(stixJson) as JsonObject) }, Web);

    private async Task<WatchlistMatcher> MatcherAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_matcher is not null && _builtVersion == watchlists.Version && now - _builtAt < Refresh)
        {
            return _matcher;
        }

        var version = watchlists.Version;
        var all = await watchlists.ListAllAsync(cancellationToken).ConfigureAwait(false);
        var subscriptions = all.Select(w => w.Subscription).ToList();
        var patterns = new StixPatternPredicate(subscriptions);
        _matcher = new WatchlistMatcher(subscriptions, patterns.Evaluate, _shareIndex);
        _anyCorrelated = subscriptions.Any(s => s.CorrelatedWithOwnShares);
        _builtVersion = version;
        _builtAt = now;
        return _matcher;
    }
}
