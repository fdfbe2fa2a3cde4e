using System.Text.Json.Nodes;
using Vigil.Core.Stix.Ids;
using Vigil.Core.Stix.Markings;

namespace Vigil.Core.Stix.Building;

/// <summary>Markings, extension definitions, bundles and envelopes.</summary>
public sealed partial class StixBuilder
{
    /// <summary>A statement marking (e.g. a copyright or handling statement).</summary>
    public JsonObject StatementMarking(string statement, string? name = null)
    {
        var o = new JsonObject
        {
            ["type"] = "marking-definition",
            ["spec_version"] = "2.1",
            ["id"] = StixId.NewRandom("marking-definition").ToString(),
            ["created"] = Now(),
        };
        Set(o, "created_by_ref", CreatedByRef);
        Set(o, "name", name);
        o["definition_type"] = "statement";
        o["definition"] = new JsonObject { ["statement"] = statement };
        return o;
    }

    public static JsonObject TlpMarking(Sharing.TlpLevel level) => TlpMarkings.Tlp2(level);

    public JsonObject ExtensionDefinition(string name, string schema, string version, IReadOnlyList<string> extensionTypes,
        string? description = null, IReadOnlyList<string>? extensionProperties = null)
    {
        if (CreatedByRef is null)
        {
            throw new InvalidOperationException("An extension-definition needs CreatedByRef.");
        }

        var o = Domain("extension-definition");
        o.Remove("object_marking_refs");
        o["name"] = name;
        Set(o, "description", description);
        o["schema"] = schema;
        o["version"] = version;
        o["extension_types"] = Strings(RequireNonEmpty(extensionTypes));
        Set(o, "extension_properties", extensionProperties);
        ApplyMarkings(o);
        return o;
    }

    /// <summary>A STIX bundle of copies of <paramref name="objects"/>.</summary>
    public static JsonObject Bundle(IEnumerable<JsonObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var list = new JsonArray();
        foreach (var o in objects)
        {
            list.Add(o.DeepClone());
        }

        return new JsonObject { ["type"] = "bundle", ["id"] = StixId.NewRandom("bundle").ToString(), ["objects"] = list };
    }

    /// <summary>A TAXII 2.1 envelope of copies of <paramref name="objects"/>.</summary>
    public static JsonObject Envelope(IEnumerable<JsonObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var list = new JsonArray();
        foreach (var o in objects)
        {
            list.Add(o.DeepClone());
        }

        return new JsonObject { ["objects"] = list };
    }
}
