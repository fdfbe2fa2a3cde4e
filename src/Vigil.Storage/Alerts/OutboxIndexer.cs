using System.Data.Common;
using System.Text.Json;
using Vigil.Core.Events;
using Vigil.Storage.Objects;

namespace Vigil.Storage.Alerts;

/// <summary>Writes one <see cref="ObjectsShared"/> event per stored envelope, inside the envelope's transaction.</summary>
public sealed class OutboxIndexer(SqlEventOutbox outbox) : IEnvelopeIndexer
{
    public async Task IndexAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<WrittenVersion> written, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(written);
        if (written.Count == 0)
        {
            return;
        }

        var first = long.MaxValue;
        var last = long.MinValue;
        foreach (var version in written)
        {
            first = Math.Min(first, version.Seq);
            last = Math.Max(last, version.Seq);
        }

        var shared = new ObjectsShared(written[0].CollectionId, written[0].AuthorOrgId, first, last, written.Count);
        await outbox.AppendAsync(connection, transaction, HubEventKinds.ObjectsShared, JsonSerializer.Serialize(shared), cancellationToken).ConfigureAwait(false);
    }
}
