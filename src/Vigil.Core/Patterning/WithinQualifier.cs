namespace Vigil.Core.Patterning;

/// <summary><c>WITHIN n SECONDS</c>: every observation of a match lies in one window of this length.</summary>
public sealed record WithinQualifier(double Seconds) : PatternQualifier
{
    public TimeSpan Window => TimeSpan.FromSeconds(Seconds);
}
