namespace Vigil.Core.Members;

/// <summary>
/// An API key's record (never its secret). A key acts for its organization (and user, when bound to one);
/// <see cref="ReadCollections"/>/<see cref="WriteCollections"/> narrow it to some collections, empty meaning
/// whatever its organization may do.
/// </summary>
public sealed record ApiKey
{
    public required string Id { get; init; }
    public required string OrgId { get; init; }
    public string? UserId { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> ReadCollections { get; init; } = [];
    public IReadOnlyList<string> WriteCollections { get; init; } = [];
    public bool CanWrite { get; init; } = true;
    public bool Revoked { get; init; }
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset? LastUsed { get; init; }
}
