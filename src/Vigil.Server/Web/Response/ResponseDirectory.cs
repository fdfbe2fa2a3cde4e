using Vigil.Storage.Members;

namespace Vigil.Server.Web.Response;

/// <summary>Names for the ids the Response pages show: member organizations and the users who acted.</summary>
public sealed class ResponseDirectory(IMemberStore members)
{
    public async Task<IReadOnlyDictionary<string, string>> OrganizationsAsync(CancellationToken cancellationToken) =>
        (await members.ListOrganizationsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, string>> UsersAsync(IEnumerable<string?> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in ids.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await members.GetUserAsync(id, cancellationToken).ConfigureAwait(false) is { } user)
            {
                names[id] = user.UserName;
            }
        }

        return names;
    }

    /// <summary>The active users of an organization, for its assignee choice.</summary>
    public async Task<IReadOnlyList<string>> UserNamesOfAsync(string orgId, CancellationToken cancellationToken) =>
        [.. (await members.ListUsersAsync(orgId, cancellationToken).ConfigureAwait(false)).Where(u => !u.Disabled).Select(u => u.UserName).Order(StringComparer.Ordinal)];
}
