using System.Text.Json.Nodes;

namespace Vigil.Core.Patterning.Evaluation;

/// <summary>A value reached by an object path, with what is needed to compare it the way its property demands.</summary>
internal readonly record struct ResolvedValue(JsonNode Node, string OwnerType, string? Property, string? ParentProperty)
{
    /// <summary>Hash values and domain names compare without regard to case (hex digits and DNS names carry none).</summary>
    public bool IgnoreCase =>
        string.Equals(ParentProperty, "hashes", StringComparison.Ordinal)
        || (string.Equals(Property, "value", StringComparison.Ordinal) && string.Equals(OwnerType, "domain-name", StringComparison.Ordinal));

    /// <summary>The value of an ipv4-addr or ipv6-addr compares as an address block ('1.2.3.4' equals '1.2.3.4/32').</summary>
    public bool IsAddress =>
        string.Equals(Property, "value", StringComparison.Ordinal) && OwnerType is "ipv4-addr" or "ipv6-addr";
}
