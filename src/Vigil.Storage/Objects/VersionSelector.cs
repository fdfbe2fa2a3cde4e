namespace Vigil.Storage.Objects;

/// <summary>Which versions of each object a query returns (TAXII <c>match[version]</c>).</summary>
public enum VersionSelector
{
    /// <summary>The newest version the reader may see.</summary>
    Last,

    /// <summary>The oldest version the reader may see.</summary>
    First,

    /// <summary>Every version the reader may see.</summary>
    All,
}
