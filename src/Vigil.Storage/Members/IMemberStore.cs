using Vigil.Core.Members;

namespace Vigil.Storage.Members;

/// <summary>Organizations, users, credentials, sharing groups and collections.</summary>
public interface IMemberStore
{
    /// <summary>Moves on every change this process makes, so caches of derived facts (readers, verified passwords) can tell they are stale.</summary>
    long Generation { get; }

    Task<Organization> CreateOrganizationAsync(Organization organization, CancellationToken cancellationToken = default);
    Task<Organization?> GetOrganizationAsync(string id, CancellationToken cancellationToken = default);
    Task<Organization?> GetOrganizationByIdentityAsync(string identityId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<Organization>> ListOrganizationsAsync(CancellationToken cancellationToken = default);

    Task<UserAccount> CreateUserAsync(UserAccount user, string password, CancellationToken cancellationToken = default);
    Task<UserAccount?> GetUserAsync(string id, CancellationToken cancellationToken = default);
    Task<UserAccount?> FindUserByNameAsync(string userName, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<UserAccount>> ListUsersAsync(string orgId, CancellationToken cancellationToken = default);
    Task<bool> SetPasswordAsync(string userId, string password, CancellationToken cancellationToken = default);
    Task<bool> SetUserDisabledAsync(string userId, bool disabled, CancellationToken cancellationToken = default);

    /// <summary>Checks a password; verified (user, password) pairs are cached so the slow KDF runs once.</summary>
    Task<UserAccount?> VerifyPasswordAsync(string userName, string password, CancellationToken cancellationToken = default);

    /// <summary>Creates a key and returns its secret once; only a keyed hash of it is stored.</summary>
    Task<(ApiKey Key, string Secret)> CreateApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default);

    /// <summary>The key a secret belongs to, or null when unknown or revoked.</summary>
    Task<ApiKey?> VerifyApiKeyAsync(string secret, CancellationToken cancellationToken = default);
    Task<ApiKey?> GetApiKeyAsync(string keyId, CancellationToken cancellationToken = default);
    Task<bool> RevokeApiKeyAsync(string keyId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(string orgId, CancellationToken cancellationToken = default);

    Task<SharingGroup> CreateSharingGroupAsync(SharingGroup group, CancellationToken cancellationToken = default);
    Task<SharingGroup?> GetSharingGroupAsync(string id, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<SharingGroup>> ListSharingGroupsAsync(CancellationToken cancellationToken = default);
    Task<IReadOnlyList<SharingGroup>> GroupsOfOrganizationAsync(string orgId, CancellationToken cancellationToken = default);

    Task<Collection> CreateCollectionAsync(Collection collection, CancellationToken cancellationToken = default);
    Task<Collection?> GetCollectionAsync(string apiRoot, string id, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<Collection>> ListCollectionsAsync(string apiRoot, CancellationToken cancellationToken = default);

    /// <summary>Every collection under every API root.</summary>
    Task<IReadOnlyList<Collection>> ListAllCollectionsAsync(CancellationToken cancellationToken = default);
}
