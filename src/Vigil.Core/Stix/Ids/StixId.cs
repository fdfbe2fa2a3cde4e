using System.Diagnostics.CodeAnalysis;

namespace Vigil.Core.Stix.Ids;

/// <summary>A STIX identifier <c>object-type--UUID</c>, taken apart.</summary>
public readonly record struct StixId(string Type, Guid Uuid)
{
    public override string ToString() => Type + "--" + Uuid.ToString("D");

    public static StixId NewRandom(string type) => new(type, Guid.NewGuid());

    /// <summary>
    /// Parses <c>type--UUID</c>: a valid type name, two hyphens, a hyphenated 36-character UUID.
    /// Says nothing about the UUID version; see <see cref="Uuid5"/>.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out StixId id)
    {
        id = default;
        if (text is null)
        {
            return false;
        }

        // Type names never hold two hyphens in a row, so the first "--" is the separator.
        var sep = text.IndexOf("--", StringComparison.Ordinal);
        if (sep <= 0 || text.Length - sep - 2 != 36)
        {
            return false;
        }

        var type = text[..sep];
        if (!StixTypeName.IsValid(type))
        {
            return false;
        }

        // Uppercase hex is accepted, as the specification's JSON schema does; the validator warns about it.
        if (!Guid.TryParseExact(text.AsSpan(sep + 2), "D", out var uuid))
        {
            return false;
        }

        id = new StixId(type, uuid);
        return true;
    }

    /// <summary>True when the UUID part has no uppercase hex digit (the canonical form, and what ids compare by).</summary>
    public static bool IsLowercase(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (c is >= 'A' and <= 'F')
            {
                return false;
            }
        }

        return true;
    }

    public static StixId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a STIX identifier (type--UUID).");

    /// <summary>The type part of an identifier, or null when it has no <c>--</c>.</summary>
    public static string? TypeOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var sep = id.IndexOf("--", StringComparison.Ordinal);
        return sep > 0 ? id[..sep] : null;
    }
}
