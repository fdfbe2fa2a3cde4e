using System.Text.Json.Nodes;
using Vigil.Core.Stix.Ids;
using Vigil.Core.Stix.Model;

namespace Vigil.Core.Stix.Validation;

/// <summary>
/// The <c>extensions</c> property: keys are extension-definition ids (each value an object whose
/// <c>extension_type</c>, when given, is from extension-type-enum) or, for SCOs, predefined extension names.
/// Extension contents are kept as they are; only their envelope is checked.
/// </summary>
internal static class ExtensionRules
{
    internal readonly record struct Info(StixKind? NewObjectKind, bool HasToplevelPropertyExtension);

    public static Info Inspect(JsonObject obj)
    {
        if (!obj.TryGetPropertyValue("extensions", out var node) || node is not JsonObject extensions)
        {
            return default;
        }

        StixKind? kind = null;
        var toplevel = false;
        foreach (var (_, value) in extensions)
        {
            if (value is not JsonObject extension || !JsonRead.TryString(extension["extension_type"], out var extensionType))
            {
                continue;
            }

            switch (extensionType)
            {
                case "new-sdo":
                    kind = StixKind.Domain;
                    break;
                case "new-sro":
                    kind = StixKind.Relationship;
                    break;
                case "new-sco":
                    kind = StixKind.Observable;
                    break;
                case "toplevel-property-extension":
                    toplevel = true;
                    break;
            }
        }

        return new Info(kind, toplevel);
    }

    public static void Check(IssueCollector c, ValidatorOptions o, string path, JsonNode value, StixTypeDefinition? definition)
    {
        if (value is not JsonObject extensions)
        {
            c.Error(path, "must be an object of extension id or name to extension content");
            return;
        }

        if (extensions.Count == 0)
        {
            c.Warn(path, "an empty extensions object should be omitted");
        }

        foreach (var (key, content) in extensions)
        {
            var p = path + "." + key;
            if (content is not JsonObject extension)
            {
                c.Error(p, "an extension must be an object");
                continue;
            }

            if (key.StartsWith("extension-definition--", StringComparison.Ordinal))
            {
                if (!StixId.TryParse(key, out _))
                {
                    c.Error(p, "is not an extension-definition identifier");
                }

                if (extension.TryGetPropertyValue("extension_type", out var extensionType))
                {
                    PropertyChecks.CheckVocab(c, o, p + ".extension_type", extensionType, Vocabularies.ExtensionType);
                }

                continue;
            }

            if (definition is not null && definition.PredefinedExtensions.Contains(key))
            {
                continue;
            }

            if (key.StartsWith("x-", StringComparison.Ordinal))
            {
                c.Warn(p, "custom extensions named x-... are deprecated in STIX 2.1; use an extension-definition");
                continue;
            }

            c.Error(p, definition is { PredefinedExtensions.Count: > 0 }
                ? $"unknown extension; use an extension-definition id or one of {string.Join(", ", definition.PredefinedExtensions)}"
                : "unknown extension; extension keys must be extension-definition ids");
        }
    }
}
