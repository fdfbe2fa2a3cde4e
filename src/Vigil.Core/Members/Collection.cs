using Vigil.Core.Sharing;

namespace Vigil.Core.Members;

/// <summary>
/// A TAXII collection. Read and write access is per organization; <see cref="AllMembersRead"/> opens reading
/// to every member and <see cref="PublicRead"/> lets anonymous readers see its TLP:CLEAR objects.
/// </summary>
public sealed record Collection
{
    public required string Id { get; init; }
    public required string ApiRoot { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public string? Alias { get; init; }
    public IReadOnlyList<string> ReadOrgIds { get; init; } = [];
    public IReadOnlyList<string> WriteOrgIds { get; init; } = [];
    public bool AllMembersRead { get; init; }
    public bool AllMembersWrite { get; init; }
    public bool PublicRead { get; init; }
    public TlpLevel DefaultTlp { get; init; } = TlpLevel.Amber;
    public DateTimeOffset Created { get; init; }

    public bool CanRead(Reader reader) =>
        (PublicRead && reader.IsPublic)
        || (reader.OrgId is { } org && (AllMembersRead || ReadOrgIds.Contains(org) || WriteOrgIds.Contains(org)));

    public bool CanWrite(Reader reader) =>
        reader.OrgId is { } org && (AllMembersWrite || WriteOrgIds.Contains(org));
}
