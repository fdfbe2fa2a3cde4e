namespace Vigil.Core.Members;

/// <summary>A member organization. <see cref="IdentityId"/> is the STIX identity that stands for it in shared objects.</summary>
public sealed record Organization
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required Sector Sector { get; init; }
    public required string IdentityId { get; init; }
    public string? Country { get; init; }
    public DateTimeOffset Created { get; init; }
}
