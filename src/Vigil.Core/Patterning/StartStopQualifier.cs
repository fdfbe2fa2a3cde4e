using Vigil.Core.Stix;

namespace Vigil.Core.Patterning;

/// <summary><c>START t STOP t</c>: every observation of a match overlaps [start, stop).</summary>
public sealed record StartStopQualifier(StixTimestamp Start, StixTimestamp Stop) : PatternQualifier;
