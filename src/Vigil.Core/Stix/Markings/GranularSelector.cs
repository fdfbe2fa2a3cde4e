using System.Globalization;
using System.Text.Json.Nodes;

namespace Vigil.Core.Stix.Markings;

/// <summary>
/// Granular-marking selectors (STIX 2.1 section 7.2.3.1): property names joined by dots, list items as
/// <c>[n]</c>, e.g. <c>description</c>, <c>labels.[1]</c>, <c>external_references.[0].source_name</c>.
/// </summary>
public static class GranularSelector
{
    /// <summary>Null when <paramref name="selector"/> selects something in <paramref name="obj"/>; otherwise why not.</summary>
    public static string? Resolve(JsonObject obj, string selector)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(selector);
        if (selector.Length == 0)
        {
            return "is empty";
        }

        JsonNode? current = obj;
        var span = selector.AsSpan();
        foreach (var range in span.Split('.'))
        {
            var step = span[range];
            if (step.IsEmpty)
            {
                return "has an empty step";
            }

            if (step[0] == '[')
            {
                if (step.Length < 3 || step[^1] != ']' ||
                    !int.TryParse(step[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return $"has a malformed list index '{step}'";
                }

                if (current is not JsonArray array)
                {
                    return $"indexes '{step}' into something that is not a list";
                }

                if (index >= array.Count)
                {
                    return $"index {index} is past the end of a list of {array.Count}";
                }

                current = array[index];
            }
            else
            {
                if (current is not JsonObject o)
                {
                    return $"names property '{step}' of something that is not an object";
                }

                if (!o.TryGetPropertyValue(step.ToString(), out current))
                {
                    return $"names property '{step}', which the object does not have";
                }
            }
        }

        return null;
    }
}
