using Vigil.Core.Privacy;

namespace Vigil.Storage.Privacy;

/// <summary>One published policy version: the policy, its canonical document and hash, who published it and when.</summary>
public sealed record StoredPolicy
{
    public required DataPolicy Policy { get; init; }
    public required string Document { get; init; }
    public required string Sha256 { get; init; }
    public required string ChangedBy { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }

    public int Version => Policy.Version;
}
