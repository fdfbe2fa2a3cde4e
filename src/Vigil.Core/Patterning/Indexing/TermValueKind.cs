namespace Vigil.Core.Patterning.Indexing;

public enum TermValueKind
{
    /// <summary>Text, case-folded; IP addresses and blocks in canonical CIDR form.</summary>
    Text,

    /// <summary>Binary data as lower-case hex.</summary>
    Binary,

    /// <summary>A number in round-trip form (integers and floats of equal value share a key).</summary>
    Number,

    Boolean,

    /// <summary>Not an equality: the case-folded text must start with the value (from <c>LIKE 'prefix%'</c>).</summary>
    TextPrefix,

    /// <summary>Not an equality: the address must lie in this canonical CIDR block (from <c>ISSUBSET</c>).</summary>
    AddressBlock,
}
