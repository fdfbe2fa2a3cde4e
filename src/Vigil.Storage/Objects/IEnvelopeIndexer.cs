using System.Data.Common;

namespace Vigil.Storage.Objects;

/// <summary>
/// Derived data kept beside the object versions (correlation keys, relationship links, sighting counts), written inside the
/// envelope's transaction so it never disagrees with the rows it describes. An indexer must not throw for bad content;
/// an exception from it (a database error) rolls the envelope back.
/// </summary>
public interface IEnvelopeIndexer
{
    Task IndexAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<WrittenVersion> written, CancellationToken cancellationToken);
}
