using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Core.Sharing;
using Vigil.Core.Stix.Building;
using Vigil.Core.Stix.Ids;
using Vigil.Core.Stix.Markings;
using Vigil.Detection.Results;

namespace Vigil.Detection.Stix;

/// <summary>
/// Turns a <see cref="DetectionResult"/> into a STIX 2.1 bundle that can be shared:
/// <list type="bullet">
/// <item>a <c>campaign</c> per cluster — a campaign, not an intrusion-set, because a cluster is a set of observed
/// activities over a time range (first_seen/last_seen), while an intrusion-set claims a common owner of the
/// accounts, which the detection alone cannot show;</item>
/// <item>a <c>user-account</c> observable per cluster account (deterministic UUIDv5 id, <c>x_platform</c>),
/// related-to its campaign;</item>
/// <item>an <c>attack-pattern</c> per coordination signal the cluster shows, which the campaign uses;</item>
/// <item>an <c>indicator</c> per URL (co-link) and domain (co-domain) the cluster shared, which indicates the campaign;</item>
/// <item>a <c>report</c> over all of it with the evidence summary, and the TLP 2.0 marking-definition.</item>
/// </list>
/// Domain-object ids are UUIDv5 of what they stand for (see <see cref="DeterministicIds"/>), so re-running gives the
/// same ids; with the same <see cref="DetectionStixOptions.Time"/> the same bundle.
/// </summary>
public static class DetectionStixExporter
{
    private const string LinkSignal = "co-link";
    private const string DomainSignal = "co-domain";

    public static JsonObject Export(DetectionResult result, DetectionStixOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        options ??= new DetectionStixOptions();
        var time = options.Time ?? DateTimeOffset.UtcNow;
        var builder = new StixBuilder(new FixedTime(time)) { CreatedByRef = options.CreatedByRef, Markings = [Tlp.IdOf(options.Tlp)] };
        var ids = new DeterministicIds(options.CreatedByRef);
        var objects = new List<JsonObject> { TlpMarkings.Tlp2(options.Tlp) };
        var content = new List<JsonObject>();
        var accounts = new HashSet<string>(StringComparer.Ordinal);
        var techniques = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var indicators = new Dictionary<string, (string Kind, string Value, DateTimeOffset First, List<string> Campaigns)>(StringComparer.Ordinal);
        var relationships = new List<JsonObject>();

        foreach (var cluster in result.Clusters)
        {
            var campaign = Campaign(builder, ids, cluster);
            content.Add(campaign);
            var campaignId = (string)campaign["id"]!;

            foreach (var account in Accounts(cluster))
            {
                var sco = UserAccount(builder, account, options.DefaultPlatform);
                var scoId = (string)sco["id"]!;
                if (accounts.Add(scoId))
                {
                    content.Add(sco);
                }

                var flags = account.Flags.Count > 0 ? "; flags: " + string.Join(", ", account.Flags) : "";
                relationships.Add(Relationship(builder, ids, scoId, "related-to", campaignId, string.Create(CultureInfo.InvariantCulture,
                    $"Member of coordinated cluster {cluster.Rank}: {account.Degree} edges inside it, {account.Activities} activities{flags}.")));
            }

            foreach (var signal in cluster.StrongestSignals)
            {
                if (!techniques.TryGetValue(signal.Signal, out var technique))
                {
                    var (name, description) = SignalTechniques.Of(signal.Signal);
                    technique = WithId(builder.AttackPattern(name, description), ids.Of("attack-pattern", signal.Signal));
                    techniques.Add(signal.Signal, technique);
                }

                relationships.Add(Relationship(builder, ids, campaignId, "uses", (string)technique["id"]!, string.Create(CultureInfo.InvariantCulture,
                    $"{signal.Edges} edges, {signal.CoActions} co-actions, strongest −log10 p {signal.MaxStrength:0.#}.")));
            }

            CollectIndicators(cluster, campaignId, options.MaxIndicatorsPerCluster, indicators);
        }

        content.AddRange(techniques.Values);
        foreach (var (pattern, (kind, value, first, campaigns)) in indicators)
        {
            var what = kind == LinkSignal ? "URL" : "Domain";
            var indicator = WithId(builder.Indicator(pattern, first, $"{what} shared by a coordinated network: {value}", ["anomalous-activity"],
                kind == LinkSignal
                    ? $"The normalized URL '{value}' (scheme, www., fragment and tracking parameters removed) was shared within seconds by accounts of a coordinated network."
                    : $"Links to '{value}' were shared within seconds by accounts of a coordinated network."),
                ids.Of("indicator", pattern));
            content.Add(indicator);
            foreach (var campaignId in campaigns)
            {
                relationships.Add(Relationship(builder, ids, (string)indicator["id"]!, "indicates", campaignId, null));
            }
        }

        content.AddRange(relationships);
        if (content.Count > 0)
        {
            var refs = content.Select(o => (string)o["id"]!).ToList();
            var report = builder.Report(
                options.ReportName ?? string.Create(CultureInfo.InvariantCulture,
                    $"Coordinated behaviour: {result.Summary.Clusters} clusters, {result.Summary.Accounts} accounts, {result.Summary.Edges} edges"),
                time, refs, ["campaign"], EvidenceText.Report(result));
            report["x_vigil_detection"] = new JsonObject
            {
                ["activities"] = result.Summary.Activities,
                ["accounts"] = result.Summary.Accounts,
                ["edges"] = result.Summary.Edges,
                ["components"] = result.Summary.Components,
                ["clusters"] = result.Summary.Clusters,
                ["input_accounts"] = result.Summary.InputAccounts,
            };
            content.Add(WithId(report, ids.Of("report", string.Join('\n', refs.Where(r => r.StartsWith("campaign--", StringComparison.Ordinal))))));
        }

        objects.AddRange(content);
        var bundle = StixBuilder.Bundle(objects);
        bundle["id"] = ids.Of("bundle", content.Count > 0 ? (string)content[^1]["id"]! : "empty");
        return bundle;
    }

    private static JsonObject Campaign(StixBuilder builder, DeterministicIds ids, DetectedCluster cluster)
    {
        var hasTimes = EvidenceText.HasTimes(cluster);
        var campaign = builder.Campaign(
            string.Create(CultureInfo.InvariantCulture, $"Coordinated network {cluster.Rank} ({cluster.Counts.Accounts} accounts)"),
            EvidenceText.Campaign(cluster),
            firstSeen: hasTimes ? cluster.FirstActivity : null,
            lastSeen: hasTimes ? cluster.LastActivity : null,
            objective: "Amplify content through coordinated accounts.");
        var sorted = cluster.Accounts.Order(StringComparer.Ordinal);
        campaign["x_vigil_cluster"] = new JsonObject
        {
            ["rank"] = cluster.Rank,
            ["score"] = cluster.Score,
            ["accounts"] = cluster.Counts.Accounts,
            ["edges"] = cluster.Counts.Edges,
            ["co_actions"] = cluster.Counts.CoActions,
        };
        return WithId(campaign, ids.Of("campaign", string.Join('\n', sorted)));
    }

    /// <summary>The cluster's accounts with details; accounts listed only by id get empty details.</summary>
    private static IEnumerable<ClusterAccount> Accounts(DetectedCluster cluster)
    {
        if (cluster.AccountDetails.Count == cluster.Accounts.Count)
        {
            return cluster.AccountDetails;
        }

        return cluster.Accounts.Select(id => new ClusterAccount { Id = id, Activities = 0, Degree = 0, Flags = [] });
    }

    private static JsonObject UserAccount(StixBuilder builder, ClusterAccount account, string? defaultPlatform)
    {
        var platform = string.IsNullOrWhiteSpace(account.Platform) ? defaultPlatform : account.Platform.Trim();
        // An account read without an id is known by its handle, which the reader then also uses as its id.
        var byHandleOnly = account.Handle is not null && string.Equals(account.Id, account.Handle, StringComparison.Ordinal);
        var userId = byHandleOnly ? null : account.Id;
        JsonObject sco;
        if (platform is null)
        {
            sco = builder.UserAccount("unknown", userId, account.Handle);
            sco.Remove("account_type");
            sco["id"] = ScoIds.Compute("user-account", sco);
        }
        else
        {
            sco = builder.UserAccount(platform.ToLowerInvariant(), userId, account.Handle);
            sco["x_platform"] = platform;
        }

        return sco;
    }

    private static void CollectIndicators(DetectedCluster cluster, string campaignId, int max,
        Dictionary<string, (string Kind, string Value, DateTimeOffset First, List<string> Campaigns)> indicators)
    {
        var taken = 0;
        foreach (var item in cluster.SharedItems.OrderByDescending(i => i.Accounts).ThenByDescending(i => i.Shares).ThenBy(i => i.Item, StringComparer.Ordinal))
        {
            string pattern;
            if (item.Signal == LinkSignal && StixPatterns.IsUrl(item.Item))
            {
                pattern = StixPatterns.Url(item.Item);
            }
            else if (item.Signal == DomainSignal && StixPatterns.IsDomain(item.Item))
            {
                pattern = StixPatterns.Domain(item.Item);
            }
            else
            {
                continue;
            }

            if (taken++ >= max)
            {
                break;
            }

            if (indicators.TryGetValue(pattern, out var known))
            {
                if (!known.Campaigns.Contains(campaignId))
                {
                    known.Campaigns.Add(campaignId);
                }

                indicators[pattern] = known with { First = item.First < known.First ? item.First : known.First };
            }
            else
            {
                indicators.Add(pattern, (item.Signal, item.Item, item.First, [campaignId]));
            }
        }
    }

    private static JsonObject Relationship(StixBuilder builder, DeterministicIds ids, string source, string type, string target, string? description) =>
        WithId(builder.Relationship(source, type, target, description), ids.Of("relationship", string.Concat(source, "|", type, "|", target)));

    private static JsonObject WithId(JsonObject o, string id)
    {
        o["id"] = id;
        return o;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
