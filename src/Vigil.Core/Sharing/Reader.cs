namespace Vigil.Core.Sharing;

/// <summary>
/// Whoever is reading: the public (no organization), a member organization's user or API key, or a hub admin.
/// <see cref="Principals"/> holds every audience principal the reader answers to (its org, its user, its
/// sharing groups and the collections it may read) so a storage query can test membership in one step.
/// </summary>
public sealed record Reader
{
    public static Reader Public { get; } = new() { Principals = [] };

    public string? OrgId { get; init; }
    public string? UserId { get; init; }
    public Members.Sector? Sector { get; init; }
    public bool IsHubAdmin { get; init; }
    public bool IsOversight { get; init; }
    public required IReadOnlyList<string> Principals { get; init; }

    public bool IsPublic => OrgId is null && !IsHubAdmin;
}
