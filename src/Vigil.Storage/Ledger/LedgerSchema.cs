using Vigil.Storage.Database;

namespace Vigil.Storage.Ledger;

/// <summary>
/// Tables of the transparency log (migration ids 0300-0399). <c>ledger_entries</c> holds each entry with its leaf hash
/// (stored level 0) and the first 8 bytes of that hash as an integer key for lookups by hash; <c>ledger_hashes</c>
/// holds stored levels 1 and up (<see cref="Vigil.Ledger.Log.LogLayout"/>); <c>ledger_head</c> is one row with the
/// committed size and the latest signed checkpoint. Appends lock and advance the head row in the same transaction
/// as their rows, so a batch lands whole or not at all and only at the committed size.
/// </summary>
public static class LedgerSchema
{
    private const string Sqlite = """
        CREATE TABLE ledger_entries (
            idx INTEGER PRIMARY KEY,
            leaf_key INTEGER NOT NULL,
            leaf_hash BLOB NOT NULL,
            entry BLOB NOT NULL
        );
        CREATE INDEX ledger_entries_leaf ON ledger_entries (leaf_key);
        CREATE TABLE ledger_hashes (
            level INTEGER NOT NULL,
            idx INTEGER NOT NULL,
            hash BLOB NOT NULL,
            PRIMARY KEY (level, idx)
        ) WITHOUT ROWID;
        CREATE TABLE ledger_head (id INTEGER PRIMARY KEY CHECK (id = 1), size INTEGER NOT NULL, checkpoint TEXT NULL);
        INSERT INTO ledger_head (id, size, checkpoint) VALUES (1, 0, NULL);
        """;

    private const string Postgres = """
        CREATE TABLE ledger_entries (
            idx BIGINT PRIMARY KEY,
            leaf_key BIGINT NOT NULL,
            leaf_hash BYTEA NOT NULL,
            entry BYTEA NOT NULL
        );
        CREATE INDEX ledger_entries_leaf ON ledger_entries (leaf_key);
        CREATE TABLE ledger_hashes (
            level SMALLINT NOT NULL,
            idx BIGINT NOT NULL,
            hash BYTEA NOT NULL,
            PRIMARY KEY (level, idx)
        );
        CREATE TABLE ledger_head (id INTEGER PRIMARY KEY CHECK (id = 1), size BIGINT NOT NULL, checkpoint TEXT NULL);
        INSERT INTO ledger_head (id, size, checkpoint) VALUES (1, 0, NULL);
        """;

    public static IReadOnlyList<Migration> Migrations { get; } = [new("0300-ledger", Sqlite, Postgres)];
}
