using System.Collections.Frozen;

namespace Vigil.Core.Stix.Model;

/// <summary>
/// What the specification says about one object type: its family, its properties (common ones included),
/// the properties that feed a deterministic id (SCOs) and the predefined extension names it accepts.
/// </summary>
public sealed class StixTypeDefinition
{
    public StixTypeDefinition(string type, StixKind kind, IEnumerable<PropertySpec> properties,
        IReadOnlyList<string>? idContributing = null, IReadOnlyList<string>? predefinedExtensions = null)
    {
        Type = type;
        Kind = kind;
        Properties = properties.ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);
        Required = [.. Properties.Values.Where(p => p.Required).Select(p => p.Name).Order(StringComparer.Ordinal)];
        IdContributing = idContributing ?? [];
        PredefinedExtensions = (predefinedExtensions ?? []).ToFrozenSet(StringComparer.Ordinal);
    }

    public string Type { get; }

    public StixKind Kind { get; }

    public FrozenDictionary<string, PropertySpec> Properties { get; }

    public IReadOnlyList<string> Required { get; }

    /// <summary>SCOs only: the "ID Contributing Properties" of the specification, in its order.</summary>
    public IReadOnlyList<string> IdContributing { get; }

    public FrozenSet<string> PredefinedExtensions { get; }
}
