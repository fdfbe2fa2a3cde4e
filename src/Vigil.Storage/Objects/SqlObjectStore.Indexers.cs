using System.Data.Common;

namespace Vigil.Storage.Objects;

public sealed partial class SqlObjectStore
{
    private async Task RunIndexersAsync(DbConnection connection, DbTransaction transaction, string collectionId, List<VersionRow> inserts,
        CancellationToken cancellationToken)
    {
        if (indexers is not { Count: > 0 } || inserts.Count == 0)
        {
            return;
        }

        var written = new WrittenVersion[inserts.Count];
        for (var i = 0; i < written.Length; i++)
        {
            written[i] = new WrittenVersion(inserts[i].Seq, collectionId, inserts[i].AuthorOrgId, inserts[i].Pending!.Submission);
        }

        foreach (var indexer in indexers)
        {
            await indexer.IndexAsync(connection, transaction, written, cancellationToken).ConfigureAwait(false);
        }
    }
}
