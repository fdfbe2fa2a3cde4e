using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Core.Stix;

namespace Vigil.Core.Patterning.Evaluation;

/// <summary>
/// One observation to match patterns against: the cyber observables seen together (an observed-data's objects)
/// and when. References (<c>*_ref</c>, <c>*_refs</c>) are followed among <see cref="Objects"/>, by <c>id</c> or by a
/// key of <see cref="ReferenceKeys"/>.
/// </summary>
public sealed class ObservationInput
{
    private Dictionary<string, JsonObject[]>? byType;
    private Dictionary<string, JsonObject>? byReference;

    public required IReadOnlyList<JsonObject> Objects { get; init; }

    public required DateTimeOffset FirstObserved { get; init; }

    public required DateTimeOffset LastObserved { get; init; }

    /// <summary>How many times this observation was made (observed-data <c>number_observed</c>); counts for REPEATS.</summary>
    public int NumberObserved { get; init; } = 1;

    /// <summary>Other names the objects are referenced by (the keys of a STIX 2.0 observed-data <c>objects</c> map).</summary>
    public IReadOnlyDictionary<string, JsonObject>? ReferenceKeys { get; init; }

    /// <summary>An observation of one object at one moment.</summary>
    public static ObservationInput Of(JsonObject sco, DateTimeOffset observedAt) =>
        new() { Objects = [sco], FirstObserved = observedAt, LastObserved = observedAt };

    /// <summary>An observation of one object whose time is unknown: any time qualifier can be satisfied.</summary>
    public static ObservationInput Untimed(JsonObject sco) =>
        new() { Objects = [sco], FirstObserved = DateTimeOffset.MinValue, LastObserved = DateTimeOffset.MaxValue };

    /// <summary>
    /// Reads an observed-data SDO: <c>first_observed</c>, <c>last_observed</c>, <c>number_observed</c> and either its
    /// STIX 2.1 <c>object_refs</c> (looked up in <paramref name="bundleObjects"/>) or its STIX 2.0 <c>objects</c> map.
    /// </summary>
    /// <exception cref="FormatException">A required property is missing or malformed.</exception>
    public static ObservationInput FromObservedData(JsonObject observedData, IReadOnlyDictionary<string, JsonObject>? bundleObjects = null)
    {
        ArgumentNullException.ThrowIfNull(observedData);
        var first = ReadTime(observedData, "first_observed");
        var last = ReadTime(observedData, "last_observed");
        var count = observedData["number_observed"] is JsonValue n && n.TryGetValue<int>(out var number) ? number : 1;
        if (count < 1)
        {
            throw new FormatException("observed-data number_observed must be at least 1");
        }

        var objects = new List<JsonObject>();
        Dictionary<string, JsonObject>? keys = null;
        if (observedData["object_refs"] is JsonArray refs)
        {
            foreach (var reference in refs)
            {
                var id = reference is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
                if (id is not null && bundleObjects is not null && bundleObjects.TryGetValue(id, out var found))
                {
                    objects.Add(found);
                }
            }
        }
        else if (observedData["objects"] is JsonObject map)
        {
            keys = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            foreach (var (key, value) in map)
            {
                if (value is JsonObject sco)
                {
                    objects.Add(sco);
                    keys[key] = sco;
                }
            }
        }

        return new ObservationInput
        {
            Objects = objects,
            FirstObserved = first,
            LastObserved = last,
            NumberObserved = count,
            ReferenceKeys = keys,
        };
    }

    /// <summary>The objects of one type (empty when there are none).</summary>
    internal JsonObject[] OfType(string type)
    {
        var index = byType;
        if (index is null)
        {
            index = [];
            foreach (var group in GroupByType())
            {
                index[group.Key] = [.. group.Value];
            }

            byType = index;
        }

        return index.TryGetValue(type, out var objects) ? objects : [];
    }

    /// <summary>The distinct object types present.</summary>
    internal IEnumerable<string> Types
    {
        get
        {
            OfType(string.Empty);
            return byType!.Keys;
        }
    }

    internal JsonObject? Dereference(string reference)
    {
        if (ReferenceKeys is not null && ReferenceKeys.TryGetValue(reference, out var keyed))
        {
            return keyed;
        }

        var index = byReference;
        if (index is null)
        {
            index = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            foreach (var sco in Objects)
            {
                if (TypeOf(sco, "id") is { } id)
                {
                    index.TryAdd(id, sco);
                }
            }

            byReference = index;
        }

        return index.GetValueOrDefault(reference);
    }

    internal static string? TypeOf(JsonObject sco, string property = "type") =>
        sco.TryGetPropertyValue(property, out var node) && node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private Dictionary<string, List<JsonObject>> GroupByType()
    {
        var groups = new Dictionary<string, List<JsonObject>>(StringComparer.Ordinal);
        foreach (var sco in Objects)
        {
            if (TypeOf(sco) is not { } type)
            {
                continue;
            }

            if (!groups.TryGetValue(type, out var list))
            {
                list = [];
                groups[type] = list;
            }

            list.Add(sco);
        }

        return groups;
    }

    private static DateTimeOffset ReadTime(JsonObject observedData, string name)
    {
        var text = TypeOf(observedData, name);
        if (!StixTimestamp.TryParse(text, out var value))
        {
            throw new FormatException($"observed-data {name} is missing or is not a STIX timestamp");
        }

        return new DateTimeOffset(value.Utc);
    }
}
