using System.Text.Json.Nodes;
using Vigil.Core.Stix;
using Vigil.Storage.Objects;

namespace Vigil.Storage.Tests.Objects;

/// <summary>Builds small, valid STIX objects for storage tests.</summary>
internal static class StixSamples
{
    public static readonly DateTime BaseTime = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    public static string Timestamp(int minutes) => StixTimestamp.From(BaseTime.AddMinutes(minutes)).Text;

    public static string NewId(string type) => $"{type}--{Guid.NewGuid()}";

    public static ObjectSubmission Indicator(
        string? id = null,
        int version = 0,
        string? createdByRef = null,
        string[]? markings = null,
        string[]? recipients = null,
        bool revoked = false,
        string? name = null)
    {
        var json = new JsonObject
        {
            ["type"] = "indicator",
            ["spec_version"] = "2.1",
            ["id"] = id ?? NewId("indicator"),
            ["created"] = Timestamp(0),
            ["modified"] = Timestamp(version),
            ["name"] = name ?? "Lookalike domain of the election office",
            ["pattern"] = "[domain-name:value = 'vote-count-example.test']",
            ["pattern_type"] = "stix",
            ["valid_from"] = Timestamp(0),
            ["x_vigil_note"] = "synthetic",
        };
        if (createdByRef is not null)
        {
            json["created_by_ref"] = createdByRef;
        }

        if (markings is not null)
        {
            json["object_marking_refs"] = new JsonArray([.. markings.Select(m => (JsonNode)m)]);
        }

        if (recipients is not null)
        {
            json["x_vigil_recipients"] = new JsonArray([.. recipients.Select(m => (JsonNode)m)]);
        }

        if (revoked)
        {
            json["revoked"] = true;
        }

        return Submit(json);
    }

    public static ObjectSubmission Submit(JsonObject json) => new(StixObject.FromJson(json), json.ToJsonString());
}
