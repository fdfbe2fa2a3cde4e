using Vigil.Core.Members;
using Vigil.Core.Sharing;

namespace Vigil.Server.Admin;

/// <summary>Body of <c>POST /api/admin/organizations</c>. <see cref="Id"/> is optional (a slug); one is made when absent.</summary>
public sealed record CreateOrganizationRequest
{
    public string? Id { get; init; }
    public required string Name { get; init; }
    public required Sector Sector { get; init; }
    public string? Country { get; init; }
    public string? IdentityId { get; init; }
}

/// <summary>Body of <c>POST /api/admin/organizations/{orgId}/users</c>.</summary>
public sealed record CreateUserRequest
{
    public required string UserName { get; init; }
    public required string Password { get; init; }
    public UserRole Role { get; init; } = UserRole.Analyst;
    public string? DisplayName { get; init; }
}

/// <summary>Body of <c>POST /api/admin/organizations/{orgId}/api-keys</c>. Empty collection lists mean no narrowing.</summary>
public sealed record CreateApiKeyRequest
{
    public required string Name { get; init; }
    public string? UserId { get; init; }
    public IReadOnlyList<string> ReadCollections { get; init; } = [];
    public IReadOnlyList<string> WriteCollections { get; init; } = [];
    public bool CanWrite { get; init; } = true;
}

/// <summary>The answer to creating a key: its record and its secret, which is shown this once and never again.</summary>
public sealed record CreatedApiKey(ApiKey Key, string Secret);

/// <summary>Body of <c>POST /api/admin/sharing-groups</c>.</summary>
public sealed record CreateSharingGroupRequest
{
    public string? Id { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<string> OrgIds { get; init; }
}

/// <summary>Body of <c>POST /api/admin/collections</c>. The id is a UUID, made when absent (TAXII requires one).</summary>
public sealed record CreateCollectionRequest
{
    public string? Id { get; init; }
    public string ApiRoot { get; init; } = AdminApi.DefaultApiRoot;
    public required string Title { get; init; }
    public string? Description { get; init; }
    public string? Alias { get; init; }
    public IReadOnlyList<string> ReadOrgIds { get; init; } = [];
    public IReadOnlyList<string> WriteOrgIds { get; init; } = [];
    public bool AllMembersRead { get; init; }
    public bool AllMembersWrite { get; init; }
    public bool PublicRead { get; init; }
    public TlpLevel DefaultTlp { get; init; } = TlpLevel.Amber;
}
