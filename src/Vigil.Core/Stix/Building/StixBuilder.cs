using System.Text.Json.Nodes;
using Vigil.Core.Stix.Ids;

namespace Vigil.Core.Stix.Building;

/// <summary>
/// Makes valid STIX 2.1 objects for producers (demo seeding, detection output): UUIDv4 ids for SDOs/SROs,
/// deterministic UUIDv5 ids for SCOs, timestamps from <paramref name="time"/>, the author's identity as
/// <c>created_by_ref</c> and <see cref="Markings"/> as <c>object_marking_refs</c>. Each result is a fresh
/// <see cref="JsonObject"/> the caller may extend (custom properties take the <c>x_</c> prefix).
/// </summary>
public sealed partial class StixBuilder(TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The identity id of the author, set on every SDO and SRO.</summary>
    public string? CreatedByRef { get; init; }

    /// <summary>Marking-definition ids (e.g. <c>Tlp.AmberId</c>) applied to every object made.</summary>
    public IReadOnlyList<string> Markings { get; init; } = [];

    private JsonObject Domain(string type)
    {
        var now = Now();
        var o = new JsonObject
        {
            ["type"] = type,
            ["spec_version"] = "2.1",
            ["id"] = StixId.NewRandom(type).ToString(),
            ["created"] = now,
            ["modified"] = now,
        };
        Set(o, "created_by_ref", CreatedByRef);
        ApplyMarkings(o);
        return o;
    }

    private JsonObject Observable(string type, JsonObject properties)
    {
        var id = ScoIds.Compute(type, properties) ?? StixId.NewRandom(type).ToString();
        var o = new JsonObject
        {
            ["type"] = type,
            ["spec_version"] = "2.1",
            ["id"] = id,
        };
        foreach (var (name, value) in properties.ToArray())
        {
            properties.Remove(name);
            o[name] = value;
        }

        ApplyMarkings(o);
        return o;
    }

    private void ApplyMarkings(JsonObject o)
    {
        if (Markings.Count > 0)
        {
            o["object_marking_refs"] = Strings(Markings);
        }
    }

    private string Now() => StixTimestamp.From(_time.GetUtcNow()).Text;

    private static string Ts(DateTimeOffset t) => StixTimestamp.From(t).Text;

    private static string IdOf(JsonObject o) =>
        (string?)o["id"] ?? throw new ArgumentException("The object has no id.", nameof(o));

    private static JsonArray Strings(IEnumerable<string> values)
    {
        var a = new JsonArray();
        foreach (var v in values)
        {
            a.Add((JsonNode?)JsonValue.Create(v));
        }

        return a;
    }

    private static IReadOnlyList<string> RequireNonEmpty(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Count > 0 ? values : throw new ArgumentException("At least one value is needed.", nameof(values));
    }

    private static void Set(JsonObject o, string name, string? value)
    {
        if (value is not null)
        {
            o[name] = value;
        }
    }

    private static void Set(JsonObject o, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            o[name] = Ts(v);
        }
    }

    private static void Set(JsonObject o, string name, IReadOnlyList<string>? values)
    {
        if (values is { Count: > 0 })
        {
            o[name] = Strings(values);
        }
    }

    private static void SetObjects(JsonObject o, string name, IReadOnlyList<JsonObject>? values)
    {
        if (values is { Count: > 0 })
        {
            var a = new JsonArray();
            foreach (var v in values)
            {
                a.Add(v.DeepClone());
            }

            o[name] = a;
        }
    }

    private static void SetKillChain(JsonObject o, IReadOnlyList<(string KillChain, string Phase)>? phases)
    {
        if (phases is { Count: > 0 })
        {
            var a = new JsonArray();
            foreach (var (chain, phase) in phases)
            {
                a.Add((JsonNode)new JsonObject { ["kill_chain_name"] = chain, ["phase_name"] = phase });
            }

            o["kill_chain_phases"] = a;
        }
    }

    private static void SetHashes(JsonObject o, IReadOnlyDictionary<string, string>? hashes)
    {
        if (hashes is { Count: > 0 })
        {
            var h = new JsonObject();
            foreach (var (algorithm, value) in hashes)
            {
                h[algorithm] = value;
            }

            o["hashes"] = h;
        }
    }
}
