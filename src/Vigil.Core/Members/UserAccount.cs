namespace Vigil.Core.Members;

public sealed record UserAccount
{
    public required string Id { get; init; }
    public required string OrgId { get; init; }
    public required string UserName { get; init; }
    public string? DisplayName { get; init; }
    public required UserRole Role { get; init; }
    public bool Disabled { get; init; }
    public DateTimeOffset Created { get; init; }
}
