using System.Text.Json.Nodes;

namespace Vigil.Core.Stix;

/// <summary>
/// One STIX object: its common properties parsed, and the whole object as JSON so that every property,
/// including custom <c>x_</c> ones and extensions, survives a round trip untouched.
/// </summary>
public sealed record StixObject
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public string SpecVersion { get; init; } = "2.1";
    public StixTimestamp? Created { get; init; }
    public StixTimestamp? Modified { get; init; }
    public string? CreatedByRef { get; init; }
    public bool Revoked { get; init; }
    public IReadOnlyList<string> ObjectMarkingRefs { get; init; } = [];
    public IReadOnlyList<string> Labels { get; init; } = [];
    public required JsonObject Json { get; init; }

    /// <summary>The timestamp that names this version: <c>modified</c>, else <c>created</c>, else none (TAXII then uses date_added).</summary>
    public StixTimestamp? Version => Modified ?? Created;

    /// <summary>Reads the common properties off a JSON object without validating it (see <see cref="Validation.StixValidator"/>).</summary>
    public static StixObject FromJson(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new StixObject
        {
            Id = json["id"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string)json["id"]! : string.Empty,
            Type = json["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string)json["type"]! : string.Empty,
            SpecVersion = StringOrNull(json, "spec_version") ?? "2.1",
            Created = StixTimestamp.TryParse(StringOrNull(json, "created"), out var created) ? created : null,
            Modified = StixTimestamp.TryParse(StringOrNull(json, "modified"), out var modified) ? modified : null,
            CreatedByRef = StringOrNull(json, "created_by_ref"),
            Revoked = json["revoked"]?.GetValueKind() == System.Text.Json.JsonValueKind.True,
            ObjectMarkingRefs = StringList(json, "object_marking_refs"),
            Labels = StringList(json, "labels"),
            Json = json,
        };
    }

    private static string? StringOrNull(JsonObject json, string name) =>
        json[name] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : null;

    private static string[] StringList(JsonObject json, string name)
    {
        if (json[name] is not JsonArray array)
        {
            return [];
        }

        var list = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String)
            {
                list.Add(v.GetValue<string>());
            }
        }

        return [.. list];
    }
}
