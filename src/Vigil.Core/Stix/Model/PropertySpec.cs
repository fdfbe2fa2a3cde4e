namespace Vigil.Core.Stix.Model;

/// <summary>
/// One property of a STIX type: its shape, whether it is required, its vocabulary (for vocab and enum kinds)
/// and, for identifier kinds, the object types it may point to (null: any type).
/// </summary>
public sealed record PropertySpec(
    string Name,
    PropertyKind Kind,
    bool Required = false,
    Vocabulary? Vocabulary = null,
    IReadOnlyList<string>? RefTypes = null);
