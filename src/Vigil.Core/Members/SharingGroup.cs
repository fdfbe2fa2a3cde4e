namespace Vigil.Core.Members;

/// <summary>A named set of organizations that TLP:AMBER objects can be addressed to.</summary>
public sealed record SharingGroup
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<string> OrgIds { get; init; }
}
