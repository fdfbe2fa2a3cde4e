namespace Vigil.Detection.Results;

/// <summary>Activities of a cluster's accounts in one time bin.</summary>
public sealed record TimelineBin(DateTimeOffset Start, int Activities);
