namespace Vigil.Storage.Objects;

/// <summary>An object whose retention period may have run out: its latest version's seq, its id and the JSON of every version it has.</summary>
public sealed record ExpiryCandidate(long Seq, string ObjectId, IReadOnlyList<string> Versions);
