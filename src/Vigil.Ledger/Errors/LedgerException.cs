namespace Vigil.Ledger.Errors;

/// <summary>A failure the caller can name and act on: bad input, a forged or stale note, a tampered log.</summary>
public sealed class LedgerException : Exception
{
    public LedgerException(LedgerFailure failure, string message, long? index = null)
        : base(message)
    {
        Failure = failure;
        Index = index;
    }

    public LedgerException()
        : this(LedgerFailure.InvalidArgument, "Ledger operation failed.")
    {
    }

    public LedgerException(string message)
        : this(LedgerFailure.InvalidArgument, message)
    {
    }

    public LedgerException(string message, Exception innerException)
        : base(message, innerException)
    {
        Failure = LedgerFailure.InvalidArgument;
    }

    /// <summary>What kind of failure this is.</summary>
    public LedgerFailure Failure { get; }

    /// <summary>The first log index the failure concerns, when there is one.</summary>
    public long? Index { get; }
}
