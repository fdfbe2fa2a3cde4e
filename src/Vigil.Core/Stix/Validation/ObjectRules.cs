using System.Text.Json.Nodes;
using Vigil.Core.Stix.Ids;
using Vigil.Core.Stix.Model;

namespace Vigil.Core.Stix.Validation;

/// <summary>The rules every object goes through: type, id, spec_version, each property, required ones, then type rules.</summary>
internal static class ObjectRules
{
    public static void Check(IssueCollector c, ValidatorOptions o, JsonObject obj)
    {
        try
        {
            CheckCore(c, o, obj);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // Objects that did not come through StixJson (e.g. duplicate keys in a JsonNode) must not crash a caller.
            c.Error("", "the object cannot be read: " + ex.Message);
        }
    }

    private static void CheckCore(IssueCollector c, ValidatorOptions o, JsonObject obj)
    {
        if (!obj.TryGetPropertyValue("type", out var typeNode))
        {
            c.Error(IssueCollector.PathOf("type"), "required property missing");
            return;
        }

        if (!JsonRead.TryString(typeNode, out var type) || !StixTypeName.IsValid(type))
        {
            c.Error(IssueCollector.PathOf("type"), "must be a type name: 3-250 lowercase letters, digits and hyphens");
            return;
        }

        var definition = StixTypes.Find(type);
        var extensionInfo = ExtensionRules.Inspect(obj);
        if (definition is null && !type.StartsWith("x-", StringComparison.Ordinal) && extensionInfo.NewObjectKind is null)
        {
            c.Error(IssueCollector.PathOf("type"),
                $"unknown STIX type '{PropertyChecks.Clip(type)}' (custom types need the x- prefix or a new-sdo/new-sco/new-sro extension)");
            return;
        }

        var kind = definition?.Kind ?? extensionInfo.NewObjectKind ?? GuessCustomKind(obj);
        CheckId(c, o, obj, type, kind, definition);
        CheckSpecVersion(c, obj, kind);

        foreach (var (name, value) in obj)
        {
            var path = IssueCollector.PathOf(name);
            if (value is null)
            {
                c.Error(path, "null is not a STIX value; omit the property instead");
                continue;
            }

            if (name is "type" or "id" or "spec_version")
            {
                continue;
            }

            if (definition is not null && definition.Properties.TryGetValue(name, out var spec))
            {
                if (spec.Kind == PropertyKind.Extensions)
                {
                    ExtensionRules.Check(c, o, path, value, definition);
                }
                else
                {
                    PropertyChecks.Check(c, o, obj, path, spec, value);
                }

                continue;
            }

            if (definition is null && CommonProperties.TryGet(kind, name, out var common))
            {
                if (common.Kind == PropertyKind.Extensions)
                {
                    ExtensionRules.Check(c, o, path, value, null);
                }
                else
                {
                    PropertyChecks.Check(c, o, obj, path, common, value);
                }

                continue;
            }

            CheckCustomProperty(c, path, name, definition is null || extensionInfo.HasToplevelPropertyExtension);
        }

        if (definition is not null)
        {
            foreach (var required in definition.Required)
            {
                if (required is not ("type" or "id" or "spec_version") && !obj.ContainsKey(required))
                {
                    c.Error(IssueCollector.PathOf(required), "required property missing");
                }
            }
        }
        else if (kind is StixKind.Domain or StixKind.Relationship)
        {
            foreach (var required in (ReadOnlySpan<string>)["created", "modified"])
            {
                if (!obj.ContainsKey(required))
                {
                    c.Error(IssueCollector.PathOf(required), "required property missing");
                }
            }
        }

        TimestampOrder(c, obj, "created", "modified", strictlyAfter: false);
        TypeRules.Check(c, o, obj, type);
    }

    private static void CheckCustomProperty(IssueCollector c, string path, string name, bool customAllowedWithoutPrefix)
    {
        if (!StixTypeName.IsValidPropertyName(name))
        {
            c.Error(path, "custom property names must be 3-250 characters of lowercase letters, digits and underscores");
        }
        else if (!name.StartsWith("x_", StringComparison.Ordinal) && !customAllowedWithoutPrefix)
        {
            c.Error(path, "unknown property; custom properties need the x_ prefix");
        }
    }

    private static void CheckId(IssueCollector c, ValidatorOptions o, JsonObject obj, string type, StixKind kind, StixTypeDefinition? definition)
    {
        var path = IssueCollector.PathOf("id");
        if (!obj.TryGetPropertyValue("id", out var idNode))
        {
            c.Error(path, "required property missing");
            return;
        }

        if (!JsonRead.TryString(idNode, out var idText) || !StixId.TryParse(idText, out var id))
        {
            c.Error(path, "must be an identifier of the form type--UUID");
            return;
        }

        if (!StixId.IsLowercase(idText))
        {
            c.Warn(path, "the UUID should be lowercase; ids are compared as written");
        }

        if (id.Type != type)
        {
            c.Error(path, $"the id names type '{id.Type}' but the object's type is '{type}'");
            return;
        }

        if (!Uuid5.IsRfc4122(id.Uuid))
        {
            c.Error(path, "the UUID is not an RFC 4122 UUID (variant bits must be 10)");
            return;
        }

        if (kind != StixKind.Observable)
        {
            if (id.Uuid.Version != 4)
            {
                var message = $"{type} ids should use a UUIDv4, this one is version {id.Uuid.Version}";
                if (o.RequireUuidV4ForNonObservables)
                {
                    c.Error(path, message);
                }
                else
                {
                    c.Warn(path, message);
                }
            }

            return;
        }

        if (definition is null)
        {
            return;
        }

        Guid? expected;
        try
        {
            expected = ScoIds.ComputeUuid(definition.IdContributing, obj);
        }
        catch (ArgumentException ex)
        {
            c.Error(path, "the deterministic id cannot be computed: " + ex.Message);
            return;
        }

        if (expected is null || expected.Value == id.Uuid)
        {
            return;
        }

        var mismatch = $"the deterministic id of this {type} is {type}--{expected.Value:D} (UUIDv5 of its ID-contributing properties: {string.Join(", ", definition.IdContributing)})";
        switch (o.ScoIds)
        {
            case ScoIdCheck.Warn:
            case ScoIdCheck.AllowRandom when id.Uuid.Version == 4:
                c.Warn(path, mismatch);
                break;
            default:
                c.Error(path, mismatch);
                break;
        }
    }

    private static void CheckSpecVersion(IssueCollector c, JsonObject obj, StixKind kind)
    {
        var path = IssueCollector.PathOf("spec_version");
        if (!obj.TryGetPropertyValue("spec_version", out var node))
        {
            if (kind != StixKind.Observable)
            {
                c.Error(path, "required property missing (must be \"2.1\")");
            }

            return;
        }

        if (!JsonRead.TryString(node, out var version) || version != "2.1")
        {
            c.Error(path, "must be \"2.1\"");
        }
    }

    private static StixKind GuessCustomKind(JsonObject obj) =>
        obj.ContainsKey("created") || obj.ContainsKey("modified") ? StixKind.Domain : StixKind.Observable;

    /// <summary>Reports when <paramref name="later"/> is before (or, strictly, not after) <paramref name="earlier"/>.</summary>
    public static void TimestampOrder(IssueCollector c, JsonObject obj, string earlier, string later, bool strictlyAfter)
    {
        if (!StixTimestamp.TryParse(JsonRead.String(obj, earlier), out var a) ||
            !StixTimestamp.TryParse(JsonRead.String(obj, later), out var b))
        {
            return;
        }

        if (strictlyAfter ? b <= a : b < a)
        {
            c.Error(IssueCollector.PathOf(later), $"must be {(strictlyAfter ? "later than" : "the same as or later than")} {earlier} ({a.Text})");
        }
    }
}
