using Vigil.Core.Events;
using Vigil.Core.Privacy;

namespace Vigil.Storage.Privacy;

/// <summary>The hub's data-minimization policy, versioned: every published version is kept, the newest is in force.</summary>
public interface IPolicyStore
{
    /// <summary>The policy in force: the newest stored version, or <see cref="DataPolicy.Default"/> (version 0) before any.</summary>
    Task<DataPolicy> GetCurrentAsync(CancellationToken cancellationToken = default);

    Task<StoredPolicy?> GetVersionAsync(int version, CancellationToken cancellationToken = default);

    /// <summary>Every stored version, oldest first.</summary>
    Task<IReadOnlyList<StoredPolicy>> ListVersionsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="policy"/> as the next version, with a <c>policy-changed</c> event in the same transaction.
    /// With <paramref name="basedOn"/>, throws <see cref="PolicyConflictException"/> unless that is still the newest version.
    /// </summary>
    Task<StoredPolicy> PublishAsync(DataPolicy policy, string changedBy, int? basedOn = null, CancellationToken cancellationToken = default);

    /// <summary>Records refused shares as <c>share-refused</c> events for the transparency log.</summary>
    Task RecordRefusalsAsync(IReadOnlyList<ShareRefusal> refusals, CancellationToken cancellationToken = default);
}
