namespace Vigil.Ledger.Notes;

/// <summary>C2SP signed-note signature type identifier bytes this library speaks.</summary>
public enum NoteKeyType : byte
{
    /// <summary>Ed25519 over the note text (the log's own checkpoint signature).</summary>
    Ed25519 = 0x01,

    /// <summary>Timestamped Ed25519 witness cosignature, C2SP tlog-cosignature v1.</summary>
    Cosignature = 0x04,
}
