using Vigil.Core.Members;
using Vigil.Storage.Members;

namespace Vigil.Storage.Privacy;

/// <summary>
/// The sectors a flow reaches under the data-minimization policy: those of the receiving organizations that exist, never
/// the sender's own. Reads the organizations once, so one instance serves one check and sees the members as they are then.
/// </summary>
public sealed class OrganizationSectors(IMemberStore members)
{
    private IReadOnlyList<Organization>? _organizations;

    /// <summary>Every organization of the hub.</summary>
    public async Task<IReadOnlyList<Organization>> AllAsync(CancellationToken cancellationToken) =>
        _organizations ??= await members.ListOrganizationsAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The sectors of the organizations in <paramref name="orgIds"/>, leaving out those in <paramref name="notReached"/> and unknown ids.</summary>
    public async Task<HashSet<Sector>> OfAsync(IEnumerable<string> orgIds, IReadOnlyCollection<string?> notReached, CancellationToken cancellationToken)
    {
        var reached = new HashSet<string>(orgIds, StringComparer.Ordinal);
        reached.ExceptWith(notReached.OfType<string>());
        var sectors = new HashSet<Sector>();
        foreach (var organization in await AllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reached.Contains(organization.Id))
            {
                sectors.Add(organization.Sector);
            }
        }

        return sectors;
    }
}
