using System.Collections.Concurrent;
using System.Threading.Channels;
using Vigil.Core.Members;
using Vigil.Ledger.Entries;
using Vigil.Server.Access;
using Vigil.Storage.Members;

namespace Vigil.Server.Log.Reads;

/// <summary>
/// Notes reads of objects by members of another sector than the object's author, for <c>object-read</c> entries in the
/// transparency log (who, what, when). Each reader (user or API key) and object is logged once per
/// <see cref="RememberedReads"/> distinct pairs: when the set fills it is cleared, and later re-reads are logged again
/// rather than missed. Reads are queued here and written by <see cref="ReadLogWriter"/>, off the request path.
/// </summary>
public sealed class ReadAuditor(IMemberStore members, TimeProvider time)
{
    public const int RememberedReads = 1_000_000;

    private readonly ConcurrentDictionary<(string Reader, string ObjectId), byte> _logged = new();
    private readonly ConcurrentDictionary<string, Sector> _sectors = new(StringComparer.Ordinal);
    private readonly Channel<ObjectRead> _pending = Channel.CreateBounded<ObjectRead>(new BoundedChannelOptions(100_000)
    {
        FullMode = BoundedChannelFullMode.Wait, SingleReader = true,
    });

    internal ChannelReader<ObjectRead> Pending => _pending.Reader;

    /// <summary>Queues an entry for each object in <paramref name="read"/> (id and author org) that crosses sectors and was not logged yet.</summary>
    public async ValueTask RecordAsync(Caller? caller, IEnumerable<(string ObjectId, string AuthorOrgId)> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (caller is null)
        {
            return;
        }

        var readerSector = caller.Organization.Sector;
        var reader = caller.User is { } user ? "user:" + user.Id : "key:" + caller.Key?.Id;
        foreach (var (objectId, authorOrgId) in read)
        {
            if (authorOrgId == caller.Organization.Id)
            {
                continue;
            }

            if (!_sectors.TryGetValue(authorOrgId, out var authorSector))
            {
                if (await members.GetOrganizationAsync(authorOrgId, cancellationToken).ConfigureAwait(false) is not { } author)
                {
                    continue;
                }

                authorSector = _sectors[authorOrgId] = author.Sector;
            }

            if (authorSector == readerSector || !_logged.TryAdd((reader, objectId), 0))
            {
                continue;
            }

            if (_logged.Count > RememberedReads)
            {
                _logged.Clear();
            }

            await _pending.Writer.WriteAsync(new ObjectRead
            {
                OccurredAt = time.GetUtcNow(),
                ObjectId = objectId,
                ReaderOrg = caller.Organization.Id,
                ReaderSector = readerSector,
                ReaderPseudonym = reader,
                AuthorSector = authorSector,
            }, cancellationToken).ConfigureAwait(false);
        }
    }
}
