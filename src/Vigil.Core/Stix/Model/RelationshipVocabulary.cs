using System.Collections.Frozen;

namespace Vigil.Core.Stix.Model;

/// <summary>
/// The relationships STIX 2.1 defines per source type (the "Relationships" tables of each SDO), plus the
/// generic ones any object may use. Others are allowed but earn a warning.
/// </summary>
public static class RelationshipVocabulary
{
    /// <summary>derived-from, duplicate-of and related-to may join any two objects.</summary>
    public static IReadOnlyList<string> Generic { get; } = ["derived-from", "duplicate-of", "related-to"];

    private const string AnySco = "*sco";

    private static readonly string[] IdentityLocationVuln = ["identity", "location", "vulnerability"];
    private static readonly string[] UsesTargets = ["attack-pattern", "infrastructure", "malware", "tool"];
    private static readonly string[] Network = ["ipv4-addr", "ipv6-addr", "domain-name", "url"];

    private static readonly FrozenDictionary<string, FrozenDictionary<string, string[]>> Table =
        new Dictionary<string, Dictionary<string, string[]>>
        {
            ["attack-pattern"] = new()
            {
                ["delivers"] = ["malware"], ["targets"] = IdentityLocationVuln, ["uses"] = ["malware", "tool"],
            },
            ["campaign"] = new()
            {
                ["attributed-to"] = ["intrusion-set", "threat-actor"], ["compromises"] = ["infrastructure"],
                ["originates-from"] = ["location"], ["targets"] = IdentityLocationVuln, ["uses"] = UsesTargets,
            },
            ["course-of-action"] = new()
            {
                ["investigates"] = ["indicator"],
                ["mitigates"] = ["attack-pattern", "indicator", "malware", "tool", "vulnerability"],
                ["remediates"] = ["malware", "vulnerability"],
            },
            ["identity"] = new() { ["located-at"] = ["location"] },
            ["indicator"] = new()
            {
                ["indicates"] = ["attack-pattern", "campaign", "infrastructure", "intrusion-set", "malware", "threat-actor", "tool"],
                ["based-on"] = ["observed-data"],
            },
            ["infrastructure"] = new()
            {
                ["communicates-with"] = ["infrastructure", .. Network],
                ["consists-of"] = ["infrastructure", "observed-data", AnySco],
                ["controls"] = ["infrastructure", "malware"], ["delivers"] = ["malware"], ["has"] = ["vulnerability"],
                ["hosts"] = ["tool", "malware"], ["located-at"] = ["location"], ["uses"] = ["infrastructure"],
            },
            ["intrusion-set"] = new()
            {
                ["attributed-to"] = ["threat-actor"], ["compromises"] = ["infrastructure"],
                ["hosts"] = ["infrastructure"], ["owns"] = ["infrastructure"], ["originates-from"] = ["location"],
                ["targets"] = IdentityLocationVuln, ["uses"] = UsesTargets,
            },
            ["malware"] = new()
            {
                ["authored-by"] = ["threat-actor", "intrusion-set"], ["beacons-to"] = ["infrastructure"],
                ["exfiltrates-to"] = ["infrastructure"], ["communicates-with"] = Network, ["controls"] = ["malware"],
                ["downloads"] = ["malware", "tool", "file"], ["drops"] = ["malware", "tool", "file"],
                ["exploits"] = ["vulnerability"], ["originates-from"] = ["location"],
                ["targets"] = ["identity", "infrastructure", "location", "vulnerability"], ["uses"] = UsesTargets,
                ["variant-of"] = ["malware"],
            },
            ["malware-analysis"] = new()
            {
                ["characterizes"] = ["malware"], ["analysis-of"] = ["malware"],
                ["static-analysis-of"] = ["malware"], ["dynamic-analysis-of"] = ["malware"],
            },
            ["threat-actor"] = new()
            {
                ["attributed-to"] = ["identity"], ["compromises"] = ["infrastructure"],
                ["hosts"] = ["infrastructure"], ["owns"] = ["infrastructure"], ["impersonates"] = ["identity"],
                ["located-at"] = ["location"], ["targets"] = IdentityLocationVuln, ["uses"] = UsesTargets,
            },
            ["tool"] = new()
            {
                ["delivers"] = ["malware"], ["drops"] = ["malware"], ["has"] = ["vulnerability"],
                ["targets"] = ["identity", "infrastructure", "location", "vulnerability"], ["uses"] = ["infrastructure"],
            },
        }.ToFrozenDictionary(
            kv => kv.Key,
            kv => kv.Value.ToFrozenDictionary(StringComparer.Ordinal),
            StringComparer.Ordinal);

    /// <summary>Whether the specification defines <paramref name="relationshipType"/> from <paramref name="sourceType"/> to <paramref name="targetType"/>.</summary>
    public static bool IsDefined(string sourceType, string relationshipType, string targetType)
    {
        ArgumentNullException.ThrowIfNull(relationshipType);
        foreach (var g in Generic)
        {
            if (g == relationshipType)
            {
                return true;
            }
        }

        if (!Table.TryGetValue(sourceType, out var byType) || !byType.TryGetValue(relationshipType, out var targets))
        {
            return false;
        }

        foreach (var t in targets)
        {
            if (t == targetType || (t == AnySco && StixTypes.KindOf(targetType) == StixKind.Observable))
            {
                return true;
            }
        }

        return false;
    }
}
