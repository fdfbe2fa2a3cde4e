using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Storage.Members;

namespace Vigil.Server.Access;

/// <summary>
/// Builds a signed-in caller's <see cref="Reader"/>: its organization, sector and role, and the principals it answers
/// to (org:, user:, group: for each of its sharing groups, collection: for each collection it may read).
/// </summary>
public sealed class ReaderFactory(IMemberStore members)
{
    public async Task<Caller?> ForUserAsync(UserAccount user, ApiKey? key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Disabled)
        {
            return null;
        }

        var org = await members.GetOrganizationAsync(user.OrgId, cancellationToken).ConfigureAwait(false);
        return org is null ? null : await BuildAsync(org, user, key, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Caller?> ForKeyAsync(ApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.UserId is { } userId)
        {
            var user = await members.GetUserAsync(userId, cancellationToken).ConfigureAwait(false);
            return user is null || user.OrgId != key.OrgId ? null : await ForUserAsync(user, key, cancellationToken).ConfigureAwait(false);
        }

        var org = await members.GetOrganizationAsync(key.OrgId, cancellationToken).ConfigureAwait(false);
        return org is null ? null : await BuildAsync(org, null, key, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The organization as a whole, with no user or key: what the hub may tell the organization on its own (alerts).</summary>
    public async Task<Caller?> ForOrganizationAsync(string orgId, CancellationToken cancellationToken)
    {
        var org = await members.GetOrganizationAsync(orgId, cancellationToken).ConfigureAwait(false);
        return org is null ? null : await BuildAsync(org, null, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Caller> BuildAsync(Organization org, UserAccount? user, ApiKey? key, CancellationToken cancellationToken)
    {
        var principals = new List<string> { Principal.Org(org.Id) };
        if (user is not null)
        {
            principals.Add(Principal.User(user.Id));
        }

        foreach (var group in await members.GroupsOfOrganizationAsync(org.Id, cancellationToken).ConfigureAwait(false))
        {
            principals.Add(Principal.Group(group.Id));
        }

        var reader = new Reader
        {
            OrgId = org.Id,
            UserId = user?.Id,
            Sector = org.Sector,
            IsHubAdmin = user?.Role == UserRole.HubAdmin,
            IsOversight = user?.Role == UserRole.Oversight,
            Principals = principals,
        };
        var caller = new Caller { Reader = reader, Organization = org, User = user, Key = key };
        foreach (var collection in await members.ListAllCollectionsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (caller.CanRead(collection))
            {
                principals.Add(Principal.Collection(collection.Id));
            }
        }

        return caller with { Reader = reader with { Principals = [.. principals] } };
    }
}
