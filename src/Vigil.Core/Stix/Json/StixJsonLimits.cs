namespace Vigil.Core.Stix.Json;

/// <summary>Bounds on untrusted STIX JSON, checked before any object is built.</summary>
public sealed record StixJsonLimits
{
    public static StixJsonLimits Default { get; } = new();

    /// <summary>Largest body accepted, in bytes (a server answers 413 beyond it).</summary>
    public long MaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Deepest nesting of objects and arrays; the envelope itself is depth 1.</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Most entries in the envelope's <c>objects</c> list.</summary>
    public int MaxObjects { get; init; } = 100_000;

    /// <summary>Longest single string (value or property name), in UTF-8 bytes.</summary>
    public int MaxStringBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Most properties in a single JSON object.</summary>
    public int MaxPropertiesPerObject { get; init; } = 10_000;
}
