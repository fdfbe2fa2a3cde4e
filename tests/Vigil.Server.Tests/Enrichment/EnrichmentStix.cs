using System.Text.Json.Nodes;
using Vigil.Core.Sharing;

namespace Vigil.Server.Tests.Enrichment;

/// <summary>Synthetic STIX 2.1 indicators for the enrichment tests.</summary>
internal static class EnrichmentStix
{
    public const string Created = "2026-04-02T09:30:00.000Z";

    public static JsonObject Indicator(string pattern, string marking = Tlp.AmberId, string[]? recipients = null, string? validUntil = null, string modified = Created,
        string? id = null, bool revoked = false)
    {
        var json = new JsonObject
        {
            ["type"] = "indicator",
            ["spec_version"] = "2.1",
            ["id"] = id ?? "indicator--" + Guid.NewGuid(),
            ["created"] = Created,
            ["modified"] = modified,
            ["name"] = "Synthetic election indicator",
            ["pattern"] = pattern,
            ["pattern_type"] = "stix",
            ["valid_from"] = Created,
            ["object_marking_refs"] = new JsonArray(marking),
        };
        if (validUntil is not null)
        {
            json["valid_until"] = validUntil;
        }

        if (revoked)
        {
            json["revoked"] = true;
        }

        if (recipients is not null)
        {
            json["x_vigil_recipients"] = new JsonArray([.. recipients.Select(r => (JsonNode)r)]);
        }

        return json;
    }
}
