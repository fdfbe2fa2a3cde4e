using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Core.Members;

namespace Vigil.Core.Privacy;

/// <summary>
/// The JSON form of a policy, as administrators edit it and as the hub stores and hashes it:
/// <c>{"rules": [{"content_class": "private-message", "sectors": ["platform", …], "government_legal_process": ["warrant", …]}]}</c>,
/// one rule per content class. <see cref="ToJson"/> writes members, classes, sectors and types in a fixed order, so its
/// compact text is canonical (RFC 8785) and its hash identifies the policy.
/// </summary>
public static class DataPolicyDocument
{
    public static JsonObject ToJson(DataPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var rules = new JsonArray();
        foreach (var contentClass in ContentClasses.All)
        {
            if (policy.RuleFor(contentClass) is not { } rule)
            {
                continue;
            }

            rules.Add((JsonNode)new JsonObject
            {
                ["content_class"] = rule.ContentClass,
                ["government_legal_process"] = new JsonArray([.. LegalProcessTypes.All.Where(t => rule.GovernmentLegalProcess.Contains(t)).Select(t => (JsonNode)t)]),
                ["sectors"] = new JsonArray([.. SectorNames.All.Where(rule.Allows).Select(s => (JsonNode)SectorNames.NameOf(s))]),
            });
        }

        return new JsonObject { ["rules"] = rules };
    }

    /// <summary>Reads a policy document; every problem is reported with its JSON path and nothing is returned.</summary>
    public static (DataPolicy? Policy, IReadOnlyList<FieldError> Errors) Parse(JsonNode? document, int version)
    {
        var errors = new List<FieldError>();
        if (document is not JsonObject root || root["rules"] is not JsonArray array)
        {
            return (null, [new FieldError("rules", "send a JSON object with a rules array, one rule per content class.")]);
        }

        var rules = new List<ClassRule>();
        for (var i = 0; i < array.Count; i++)
        {
            var where = $"rules[{i}]";
            if (array[i] is not JsonObject item)
            {
                errors.Add(new FieldError(where, "must be an object with content_class, sectors and government_legal_process."));
                continue;
            }

            var contentClass = String(item["content_class"]);
            if (contentClass is null || !ContentClasses.IsKnown(contentClass))
            {
                errors.Add(new FieldError(where + ".content_class", $"expected one of {string.Join(", ", ContentClasses.All)}."));
                continue;
            }

            if (rules.Any(r => r.ContentClass == contentClass))
            {
                errors.Add(new FieldError(where + ".content_class", $"{contentClass} has a rule already."));
                continue;
            }

            var sectors = Tokens(item, where, "sectors", errors, (string t, out Sector s) => SectorNames.TryParse(t, out s), SectorNames.Expected);
            var types = Tokens(item, where, "government_legal_process", errors, (string t, out string s) => (s = t) is not null && LegalProcessTypes.IsKnown(t),
                string.Join(", ", LegalProcessTypes.All), optional: true);
            rules.Add(new ClassRule { ContentClass = contentClass, Sectors = sectors, GovernmentLegalProcess = types });
        }

        foreach (var missing in ContentClasses.All.Where(c => rules.All(r => r.ContentClass != c)))
        {
            errors.Add(new FieldError("rules", $"no rule for content class {missing}; every class needs one."));
        }

        return errors.Count > 0 ? (null, errors) : (new DataPolicy { Version = version, Rules = rules }, []);
    }

    private delegate bool TokenParser<T>(string text, out T value);

    private static List<T> Tokens<T>(JsonObject item, string where, string name, List<FieldError> errors, TokenParser<T> parse, string expected, bool optional = false)
    {
        var values = new List<T>();
        var node = item[name];
        if (node is null && optional)
        {
            return values;
        }

        if (node is not JsonArray array)
        {
            errors.Add(new FieldError($"{where}.{name}", $"must be an array of {expected}."));
            return values;
        }

        for (var j = 0; j < array.Count; j++)
        {
            if (String(array[j]) is not { } text || !parse(text, out var value))
            {
                errors.Add(new FieldError($"{where}.{name}[{j}]", $"expected one of {expected}."));
            }
            else if (!values.Contains(value))
            {
                values.Add(value);
            }
        }

        return values;
    }

    private static string? String(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
