namespace Vigil.Ledger.Errors;

/// <summary>What is wrong, as a value a server maps to problem details and a CLI maps to a message and exit code.</summary>
public enum LedgerFailure
{
    /// <summary>An argument is out of range: an index beyond the tree, a proof between sizes in the wrong order.</summary>
    InvalidArgument,

    /// <summary>A signed note is not in the C2SP signed-note format.</summary>
    MalformedNote,

    /// <summary>A verifier key or private key string is not in the C2SP format, or its key ID does not match.</summary>
    MalformedKey,

    /// <summary>No signature by a trusted key is on the note.</summary>
    UntrustedNote,

    /// <summary>A signature that claims a trusted key's name and ID does not verify: the note was forged or altered.</summary>
    ForgedSignature,

    /// <summary>The note text is not a C2SP tlog-checkpoint.</summary>
    MalformedCheckpoint,

    /// <summary>The checkpoint names another log.</summary>
    WrongOrigin,

    /// <summary>The checkpoint is for a smaller tree than one already verified.</summary>
    StaleCheckpoint,

    /// <summary>Two views of the log cannot both be true: same size with different roots, or no valid consistency proof.</summary>
    Fork,

    /// <summary>A tile or entry bundle is missing, has the wrong length or cannot be decoded.</summary>
    MalformedTile,

    /// <summary>A served tile hash differs from the hash recomputed from the entries.</summary>
    TileMismatch,

    /// <summary>An entry cannot be parsed as a ledger entry.</summary>
    MalformedEntry,

    /// <summary>The root recomputed from the entries differs from the signed root.</summary>
    RootMismatch,

    /// <summary>An entry is larger than an entry bundle can carry (65,535 bytes).</summary>
    EntryTooLarge,

    /// <summary>No entry has the requested leaf hash.</summary>
    UnknownHash,

    /// <summary>The store changed under an append: another writer appended first.</summary>
    ConcurrentAppend,
}
