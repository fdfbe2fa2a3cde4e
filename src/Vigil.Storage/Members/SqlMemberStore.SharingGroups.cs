using Vigil.Core.Members;

namespace Vigil.Storage.Members;

public sealed partial class SqlMemberStore
{
    public async Task<SharingGroup> CreateSharingGroupAsync(SharingGroup group, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        var stored = group with { Id = string.IsNullOrWhiteSpace(group.Id) ? NewId() : group.Id, OrgIds = [.. group.OrgIds.Distinct(StringComparer.Ordinal)] };
        await WriteAsync(async (connection, transaction) =>
        {
            await RunAsync(connection, transaction, "INSERT INTO sharing_groups (id, name, description) VALUES (@id, @name, @description)",
                cancellationToken, ("@id", stored.Id), ("@name", stored.Name), ("@description", stored.Description)).ConfigureAwait(false);
            foreach (var org in stored.OrgIds)
            {
                await RunAsync(connection, transaction, "INSERT INTO sharing_group_members (group_id, org_id) VALUES (@group, @org)",
                    cancellationToken, ("@group", stored.Id), ("@org", org)).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
        Changed();
        return stored;
    }

    public async Task<SharingGroup?> GetSharingGroupAsync(string id, CancellationToken cancellationToken = default) =>
        (await LoadGroupsAsync("WHERE g.id = @id", cancellationToken, ("@id", id)).ConfigureAwait(false)).FirstOrDefault();

    public Task<IReadOnlyList<SharingGroup>> ListSharingGroupsAsync(CancellationToken cancellationToken = default) =>
        LoadGroupsAsync(string.Empty, cancellationToken);

    public Task<IReadOnlyList<SharingGroup>> GroupsOfOrganizationAsync(string orgId, CancellationToken cancellationToken = default) =>
        LoadGroupsAsync("WHERE g.id IN (SELECT group_id FROM sharing_group_members WHERE org_id = @org)", cancellationToken, ("@org", orgId));

    private async Task<IReadOnlyList<SharingGroup>> LoadGroupsAsync(string where, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var rows = await QueryAsync(
            $"SELECT g.id, g.name, g.description, m.org_id FROM sharing_groups g LEFT JOIN sharing_group_members m ON m.group_id = g.id {where} ORDER BY g.name, g.id, m.org_id",
            row => (Id: row.GetString(0), Name: row.GetString(1), Description: Text(row, 2), Org: Text(row, 3)),
            cancellationToken,
            parameters).ConfigureAwait(false);
        var groups = new List<SharingGroup>();
        var orgs = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Org is { } org)
            {
                orgs.Add(org);
            }

            if (i == rows.Count - 1 || rows[i + 1].Id != rows[i].Id)
            {
                groups.Add(new SharingGroup { Id = rows[i].Id, Name = rows[i].Name, Description = rows[i].Description, OrgIds = [.. orgs] });
                orgs.Clear();
            }
        }

        return groups;
    }
}
