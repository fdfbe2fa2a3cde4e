using Vigil.Core.Patterning.Evaluation;

namespace Vigil.Core.Patterning;

/// <summary><c>'text'</c> with the escapes <c>\'</c> and <c>\\</c> already resolved.</summary>
public sealed record StringLiteral : PatternLiteral
{
    public StringLiteral(string value)
    {
        Value = value;
        Network = IpNetwork.TryParse(value, out var network) ? network : null;
    }

    public string Value { get; }

    /// <summary>The value read as an IP address or CIDR block, when it is one.</summary>
    internal IpNetwork? Network { get; }
}
