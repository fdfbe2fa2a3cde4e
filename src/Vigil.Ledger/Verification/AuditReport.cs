using Vigil.Ledger.Errors;

namespace Vigil.Ledger.Verification;

/// <summary>
/// The outcome of an audit. On success, <see cref="State"/> is the new state to keep; on failure,
/// <see cref="Failure"/>, <see cref="FirstBadIndex"/> (when the failure can be pinned to an entry) and <see cref="Message"/> say what is wrong.
/// </summary>
public sealed record AuditReport
{
    public bool Succeeded => Failure is null;

    public LogState? State { get; init; }

    public LedgerFailure? Failure { get; init; }

    public long? FirstBadIndex { get; init; }

    public string Message { get; init; } = string.Empty;

    /// <summary>How many entries were read and parsed.</summary>
    public long EntriesVerified { get; init; }
}
