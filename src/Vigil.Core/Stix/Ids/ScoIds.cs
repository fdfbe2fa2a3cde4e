using System.Buffers;
using System.Text.Json.Nodes;
using Vigil.Core.Stix.Json;
using Vigil.Core.Stix.Model;

namespace Vigil.Core.Stix.Ids;

/// <summary>
/// Deterministic identifiers of cyber-observable objects (STIX 2.1 section 2.9): a UUIDv5 in the STIX namespace
/// over the RFC 8785 canonical JSON of the object's ID-contributing properties. Of <c>hashes</c> only one entry
/// counts, chosen in the order MD5, SHA-1, SHA-256, SHA-512, else the first one given.
/// </summary>
public static class ScoIds
{
    private static readonly string[] HashPreference = ["MD5", "SHA-1", "SHA-256", "SHA-512"];

    /// <summary>
    /// The deterministic id for an SCO of <paramref name="type"/> with the given properties, or null when the
    /// type has no ID-contributing properties or the object has none of them (the spec then wants a UUIDv4).
    /// </summary>
    public static string? Compute(string type, JsonObject properties)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(properties);
        var definition = StixTypes.Find(type);
        if (definition is null || definition.Kind != StixKind.Observable)
        {
            return null;
        }

        return Compute(type, definition.IdContributing, properties);
    }

    /// <summary>As <see cref="Compute(string, JsonObject)"/>, for a custom SCO type with its own contributing properties.</summary>
    public static string? Compute(string type, IReadOnlyList<string> idContributing, JsonObject properties)
    {
        ArgumentNullException.ThrowIfNull(type);
        return ComputeUuid(idContributing, properties) is { } uuid ? type + "--" + uuid.ToString("D") : null;
    }

    /// <summary>The UUIDv5 part of the deterministic id, or null when no contributing property is present.</summary>
    public static Guid? ComputeUuid(IReadOnlyList<string> idContributing, JsonObject properties)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        return WriteContributingJson(buffer, idContributing, properties)
            ? Uuid5.Create(Uuid5.StixScoNamespace, buffer.WrittenSpan)
            : null;
    }

    /// <summary>The canonical JSON the UUIDv5 is computed over, or null when no contributing property is present.</summary>
    public static byte[]? ContributingJson(IReadOnlyList<string> idContributing, JsonObject properties)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        return WriteContributingJson(buffer, idContributing, properties) ? buffer.WrittenSpan.ToArray() : null;
    }

    /// <summary>
    /// Writes <c>{"name":value,...}</c> of the contributing properties present, in RFC 8785 member order,
    /// straight from the object (no copy); false when none is present.
    /// </summary>
    private static bool WriteContributingJson(ArrayBufferWriter<byte> output, IReadOnlyList<string> idContributing, JsonObject properties)
    {
        ArgumentNullException.ThrowIfNull(idContributing);
        ArgumentNullException.ThrowIfNull(properties);
        Span<int> order = stackalloc int[idContributing.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Tiny insertion sort by ordinal name: contributing lists have at most eight names.
        for (var i = 1; i < order.Length; i++)
        {
            var current = order[i];
            var j = i - 1;
            while (j >= 0 && string.CompareOrdinal(idContributing[order[j]], idContributing[current]) > 0)
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = current;
        }

        var any = false;
        foreach (var index in order)
        {
            var name = idContributing[index];
            if (!properties.TryGetPropertyValue(name, out var value) || value is null)
            {
                continue;
            }

            JsonNode part = value;
            if (name == "hashes" && value is JsonObject hashes)
            {
                if (ChooseOneHash(hashes) is not { } chosen)
                {
                    continue;
                }

                part = chosen;
            }

            output.Write(any ? ","u8 : "{"u8);
            CanonicalJson.WriteString(output, name);
            output.Write(":"u8);
            CanonicalJson.Write(output, part);
            any = true;
        }

        if (any)
        {
            output.Write("}"u8);
        }

        return any;
    }

    private static JsonObject? ChooseOneHash(JsonObject hashes)
    {
        foreach (var algorithm in HashPreference)
        {
            if (hashes.TryGetPropertyValue(algorithm, out var v))
            {
                return new JsonObject { [algorithm] = v?.DeepClone() };
            }
        }

        foreach (var (key, v) in hashes)
        {
            return new JsonObject { [key] = v?.DeepClone() };
        }

        return null;
    }
}
