using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Core.Stix.Validation;

/// <summary>Small readers over <see cref="JsonNode"/> values that never throw.</summary>
internal static class JsonRead
{
    public static JsonValueKind KindOf(JsonNode? node) => node switch
    {
        null => JsonValueKind.Null,
        JsonObject => JsonValueKind.Object,
        JsonArray => JsonValueKind.Array,
        _ => node.GetValueKind(),
    };

    public static bool TryString(JsonNode? node, [NotNullWhen(true)] out string? value)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.TryGetValue(out value))
        {
            return true;
        }

        value = null;
        return false;
    }

    public static string? String(JsonObject obj, string name) =>
        obj.TryGetPropertyValue(name, out var node) && TryString(node, out var s) ? s : null;

    public static bool TryInteger(JsonNode? node, out long value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (v.TryGetValue<JsonElement>(out var element))
        {
            if (element.TryGetInt64(out value))
            {
                return true;
            }

            // 1.0 and 1e2 are integers in value even if not in spelling; 1e400 is not a number we accept.
            if (element.TryGetDouble(out var d) && double.IsFinite(d) && Math.Floor(d) == d && Math.Abs(d) < 9.2e18)
            {
                value = (long)d;
                return true;
            }

            return false;
        }

        if (v.TryGetValue(out value))
        {
            return true;
        }

        if (v.TryGetValue<int>(out var i))
        {
            value = i;
            return true;
        }

        if (v.TryGetValue<double>(out var dd) && Math.Floor(dd) == dd && Math.Abs(dd) < 9.2e18)
        {
            value = (long)dd;
            return true;
        }

        return false;
    }

    public static bool TryNumber(JsonNode? node, out double value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (v.TryGetValue<JsonElement>(out var element))
        {
            return element.TryGetDouble(out value) && double.IsFinite(value);
        }

        if (v.TryGetValue(out value))
        {
            return true;
        }

        if (v.TryGetValue<long>(out var l))
        {
            value = l;
            return true;
        }

        if (v.TryGetValue<int>(out var i))
        {
            value = i;
            return true;
        }

        if (v.TryGetValue<decimal>(out var m))
        {
            value = (double)m;
            return true;
        }

        return v.TryGetValue<float>(out var f) && (value = f) == f;
    }
}
