using System.Data.Common;
using Vigil.Storage.Objects;

namespace Vigil.Storage.Tests.Correlation;

/// <summary>An indexer that fails after the correlation rows are written, as a database error would.</summary>
internal sealed class FailingIndexer : IEnvelopeIndexer
{
    public Task IndexAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<WrittenVersion> written, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("index write failed");
}
