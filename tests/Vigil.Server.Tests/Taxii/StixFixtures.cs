using System.Globalization;
using System.Text.Json.Nodes;

namespace Vigil.Server.Tests.Taxii;

/// <summary>Valid STIX 2.1 objects for the TAXII tests.</summary>
internal static class StixFixtures
{
    private static readonly DateTime Base = new(2026, 4, 2, 9, 30, 0, DateTimeKind.Utc);

    public static string Timestamp(int minutes) => Base.AddMinutes(minutes).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonObject Indicator(string? id = null, int version = 0, string? marking = null, string? createdByRef = null, string[]? recipients = null)
    {
        var json = new JsonObject
        {
            ["type"] = "indicator",
            ["spec_version"] = "2.1",
            ["id"] = id ?? "indicator--" + Guid.NewGuid(),
            ["created"] = Timestamp(0),
            ["modified"] = Timestamp(version),
            ["name"] = "Spoofed county results page",
            ["description"] = "Unicode kept as sent: élection — 选举",
            ["pattern"] = "[url:value = 'https://results-county-example.test/live']",
            ["pattern_type"] = "stix",
            ["valid_from"] = Timestamp(0),
            ["x_vigil_source"] = "synthetic test data",
        };
        if (marking is not null)
        {
            json["object_marking_refs"] = new JsonArray(marking);
        }

        if (createdByRef is not null)
        {
            json["created_by_ref"] = createdByRef;
        }

        if (recipients is not null)
        {
            json["x_vigil_recipients"] = new JsonArray([.. recipients.Select(r => (JsonNode)r)]);
        }

        return json;
    }

    public static JsonObject Malware() => new()
    {
        ["type"] = "malware",
        ["spec_version"] = "2.1",
        ["id"] = "malware--" + Guid.NewGuid(),
        ["created"] = Timestamp(0),
        ["modified"] = Timestamp(0),
        ["name"] = "Result-page defacer",
        ["is_family"] = false,
    };
}
