using System.Text.Json.Nodes;
using Vigil.Core.Sharing;
using Vigil.Core.Stix.Ids;

namespace Vigil.Server.Demo;

/// <summary>Small builders for the demo's STIX 2.1 objects: common properties, markings and recipients filled in one place.</summary>
internal static class DemoStix
{
    public const string RecipientsProperty = "x_vigil_recipients";

    public static JsonObject Sdo(string type, string name, DemoScenario.DemoOrg author, string created, TlpLevel tlp, params string[] recipients)
    {
        var obj = new JsonObject
        {
            ["type"] = type,
            ["spec_version"] = "2.1",
            ["id"] = DemoIds.Stix(type, name),
            ["created"] = created,
            ["modified"] = created,
            ["created_by_ref"] = DemoScenario.IdentityOf(author),
            ["object_marking_refs"] = new JsonArray(Tlp.IdOf(tlp)),
        };
        if (recipients.Length > 0)
        {
            obj[RecipientsProperty] = new JsonArray([.. recipients.Select(r => (JsonNode)r)]);
        }

        return obj;
    }

    public static JsonObject Named(string type, string name, DemoScenario.DemoOrg author, string created, TlpLevel tlp, params string[] recipients)
    {
        var obj = Sdo(type, name, author, created, tlp, recipients);
        obj["name"] = name;
        return obj;
    }

    public static JsonObject Relationship(string relationshipType, JsonObject source, JsonObject target, DemoScenario.DemoOrg author, string created, TlpLevel tlp, params string[] recipients)
    {
        var obj = Sdo("relationship", $"{source["id"]} {relationshipType} {target["id"]}", author, created, tlp, recipients);
        obj["relationship_type"] = relationshipType;
        obj["source_ref"] = (string)source["id"]!;
        obj["target_ref"] = (string)target["id"]!;
        return obj;
    }

    /// <summary>A cyber-observable with its deterministic (UUIDv5) id computed from its ID-contributing properties.</summary>
    public static JsonObject Observable(string type, JsonObject properties, TlpLevel tlp)
    {
        var obj = new JsonObject { ["type"] = type, ["spec_version"] = "2.1" };
        foreach (var (key, value) in properties)
        {
            obj[key] = value?.DeepClone();
        }

        obj["id"] = ScoIds.Compute(type, properties) ?? throw new InvalidOperationException($"{type} has no ID-contributing properties.");
        obj["object_marking_refs"] = new JsonArray(Tlp.IdOf(tlp));
        return obj;
    }

    public static JsonArray Refs(params JsonObject[] objects) => new([.. objects.Select(o => (JsonNode)(string)o["id"]!)]);

    public static JsonArray Strings(params string[] values) => new([.. values.Select(v => (JsonNode)v)]);
}
