using Vigil.Core.Members;
using Vigil.Core.Sharing;

namespace Vigil.Storage.Members;

public sealed partial class SqlMemberStore
{
    public async Task<Collection> CreateCollectionAsync(Collection collection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var writers = collection.WriteOrgIds.Distinct(StringComparer.Ordinal).ToArray();
        var readers = collection.ReadOrgIds.Where(o => !writers.Contains(o, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToArray();
        var stored = collection with
        {
            Id = string.IsNullOrWhiteSpace(collection.Id) ? NewId() : collection.Id,
            Created = collection.Created == default ? _time.GetUtcNow() : collection.Created,
            ReadOrgIds = readers,
            WriteOrgIds = writers,
        };
        await WriteAsync(async (connection, transaction) =>
        {
            await RunAsync(connection, transaction,
                """
                INSERT INTO collections (id, api_root, title, description, alias, all_members_read, all_members_write, public_read, default_tlp, created)
                VALUES (@id, @root, @title, @description, @alias, @allRead, @allWrite, @public, @tlp, @created)
                """,
                cancellationToken,
                ("@id", stored.Id), ("@root", stored.ApiRoot), ("@title", stored.Title), ("@description", stored.Description), ("@alias", stored.Alias),
                ("@allRead", stored.AllMembersRead ? 1 : 0), ("@allWrite", stored.AllMembersWrite ? 1 : 0), ("@public", stored.PublicRead ? 1 : 0),
                ("@tlp", stored.DefaultTlp.ToString()), ("@created", Format(stored.Created))).ConfigureAwait(false);
            foreach (var (org, write) in readers.Select(o => (o, false)).Concat(writers.Select(o => (o, true))))
            {
                await RunAsync(connection, transaction, "INSERT INTO collection_members (collection_id, org_id, can_write) VALUES (@collection, @org, @write)",
                    cancellationToken, ("@collection", stored.Id), ("@org", org), ("@write", write ? 1 : 0)).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
        Changed();
        return stored;
    }

    public async Task<Collection?> GetCollectionAsync(string apiRoot, string id, CancellationToken cancellationToken = default) =>
        (await LoadCollectionsAsync("WHERE c.api_root = @root AND c.id = @id", cancellationToken, ("@root", apiRoot), ("@id", id)).ConfigureAwait(false))
            .FirstOrDefault();

    public Task<IReadOnlyList<Collection>> ListCollectionsAsync(string apiRoot, CancellationToken cancellationToken = default) =>
        LoadCollectionsAsync("WHERE c.api_root = @root", cancellationToken, ("@root", apiRoot));

    public Task<IReadOnlyList<Collection>> ListAllCollectionsAsync(CancellationToken cancellationToken = default) =>
        LoadCollectionsAsync(string.Empty, cancellationToken);

    private async Task<IReadOnlyList<Collection>> LoadCollectionsAsync(string where, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var rows = await QueryAsync(
            $"""
            SELECT c.id, c.api_root, c.title, c.description, c.alias, c.all_members_read, c.all_members_write, c.public_read, c.default_tlp, c.created,
                   m.org_id, m.can_write
            FROM collections c LEFT JOIN collection_members m ON m.collection_id = c.id
            {where}
            ORDER BY c.api_root, c.created, c.id, m.org_id
            """,
            row => (Collection: new Collection
            {
                Id = row.GetString(0),
                ApiRoot = row.GetString(1),
                Title = row.GetString(2),
                Description = Text(row, 3),
                Alias = Text(row, 4),
                AllMembersRead = Flag(row, 5),
                AllMembersWrite = Flag(row, 6),
                PublicRead = Flag(row, 7),
                DefaultTlp = Enum.Parse<TlpLevel>(row.GetString(8)),
                Created = ParseTime(row.GetString(9)),
            }, Org: Text(row, 10), Write: !row.IsDBNull(11) && Flag(row, 11)),
            cancellationToken,
            parameters).ConfigureAwait(false);
        var collections = new List<Collection>();
        var read = new List<string>();
        var write = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Org is { } org)
            {
                (rows[i].Write ? write : read).Add(org);
            }

            if (i == rows.Count - 1 || rows[i + 1].Collection.Id != rows[i].Collection.Id)
            {
                collections.Add(rows[i].Collection with { ReadOrgIds = [.. read], WriteOrgIds = [.. write] });
                read.Clear();
                write.Clear();
            }
        }

        return collections;
    }
}
