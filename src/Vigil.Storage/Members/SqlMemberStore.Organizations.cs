using System.Data.Common;
using Vigil.Core.Members;

namespace Vigil.Storage.Members;

public sealed partial class SqlMemberStore
{
    private const string OrganizationColumns = "id, name, sector, identity_id, country, created";

    public async Task<Organization> CreateOrganizationAsync(Organization organization, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var stored = organization with
        {
            Id = string.IsNullOrWhiteSpace(organization.Id) ? NewId() : organization.Id,
            IdentityId = string.IsNullOrWhiteSpace(organization.IdentityId) ? "identity--" + Guid.NewGuid() : organization.IdentityId,
            Created = organization.Created == default ? _time.GetUtcNow() : organization.Created,
        };
        await ExecuteAsync(
            $"INSERT INTO organizations ({OrganizationColumns}) VALUES (@id, @name, @sector, @identity, @country, @created)",
            cancellationToken,
            ("@id", stored.Id), ("@name", stored.Name), ("@sector", stored.Sector.ToString()), ("@identity", stored.IdentityId),
            ("@country", stored.Country), ("@created", Format(stored.Created))).ConfigureAwait(false);
        Changed();
        return stored;
    }

    public async Task<Organization?> GetOrganizationAsync(string id, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {OrganizationColumns} FROM organizations WHERE id = @id", ReadOrganization, cancellationToken, ("@id", id))
            .ConfigureAwait(false)).FirstOrDefault();

    public async Task<Organization?> GetOrganizationByIdentityAsync(string identityId, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {OrganizationColumns} FROM organizations WHERE identity_id = @id", ReadOrganization, cancellationToken, ("@id", identityId))
            .ConfigureAwait(false)).FirstOrDefault();

    public async Task<IReadOnlyList<Organization>> ListOrganizationsAsync(CancellationToken cancellationToken = default) =>
        await QueryAsync($"SELECT {OrganizationColumns} FROM organizations ORDER BY name", ReadOrganization, cancellationToken).ConfigureAwait(false);

    private static Organization ReadOrganization(DbDataReader row) => new()
    {
        Id = row.GetString(0),
        Name = row.GetString(1),
        Sector = Enum.Parse<Sector>(row.GetString(2)),
        IdentityId = row.GetString(3),
        Country = Text(row, 4),
        Created = ParseTime(row.GetString(5)),
    };
}
