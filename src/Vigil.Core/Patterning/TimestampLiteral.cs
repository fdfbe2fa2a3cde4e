using Vigil.Core.Stix;

namespace Vigil.Core.Patterning;

/// <summary><c>t'2016-01-01T00:00:00Z'</c>.</summary>
public sealed record TimestampLiteral(StixTimestamp Value) : PatternLiteral;
