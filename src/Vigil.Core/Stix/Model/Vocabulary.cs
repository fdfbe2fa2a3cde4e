using System.Collections.Frozen;

namespace Vigil.Core.Stix.Model;

/// <summary>
/// A STIX vocabulary. An open vocabulary (<c>-ov</c>) suggests values, so anything else only warns; a closed one
/// (<c>-enum</c>) is the complete list, so anything else is an error.
/// </summary>
public sealed class Vocabulary(string name, bool open, params string[] values)
{
    private readonly FrozenSet<string> _values = values.ToFrozenSet(StringComparer.Ordinal);

    public string Name { get; } = name;

    public bool IsOpen { get; } = open;

    public IReadOnlyCollection<string> Values => _values;

    public bool Contains(string value) => _values.Contains(value);
}
