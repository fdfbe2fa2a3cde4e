using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Core.Stix.Ids;

namespace Vigil.Core.Stix.Validation;

/// <summary>The shape of a TAXII 2.1 envelope or a STIX 2.1 bundle.</summary>
internal static class EnvelopeRules
{
    public static void CheckShape(IssueCollector c, JsonObject envelope)
    {
        var isBundle = envelope.TryGetPropertyValue("type", out var typeNode);
        if (isBundle)
        {
            if (!JsonRead.TryString(typeNode, out var type) || type != "bundle")
            {
                c.Error("$.type", "an envelope has no type; a bundle's type must be \"bundle\"");
            }

            if (!JsonRead.TryString(envelope["id"], out var id) || !StixId.TryParse(id, out var parsed) || parsed.Type != "bundle")
            {
                c.Error("$.id", "a bundle needs an id of the form bundle--UUID");
            }
        }

        if (!envelope.TryGetPropertyValue("objects", out var objects))
        {
            if (!isBundle)
            {
                // An envelope without objects is an empty page; a POST of one has nothing to add.
                c.Error("$.objects", "required property missing");
            }
        }
        else if (objects is not JsonArray)
        {
            c.Error("$.objects", "must be a list of STIX objects");
        }

        foreach (var (name, value) in envelope)
        {
            switch (name)
            {
                case "objects" or "type" or "id" when isBundle || name == "objects":
                    break;
                case "more" when !isBundle:
                    if (JsonRead.KindOf(value) is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        c.Error("$.more", "must be a boolean");
                    }

                    break;
                case "next" when !isBundle:
                    if (!JsonRead.TryString(value, out _))
                    {
                        c.Error("$.next", "must be a string");
                    }

                    break;
                case "spec_version" when isBundle:
                    c.Error("$.spec_version", "STIX 2.1 bundles have no spec_version (that was STIX 2.0)");
                    break;
                default:
                    if (!name.StartsWith("x_", StringComparison.Ordinal))
                    {
                        c.Error("$." + name, isBundle ? "unknown property of a bundle" : "unknown property of an envelope");
                    }

                    break;
            }
        }
    }
}
