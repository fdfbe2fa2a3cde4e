using Vigil.Storage.Database;

namespace Vigil.Storage.Correlation;

/// <summary>
/// Correlation tables (migration ids 0200-0219), all keyed by the <c>stix_objects.seq</c> of the version they describe and
/// written in the envelope's transaction: <c>correlation_keys</c> (normalized observable key text, see
/// <c>ObservableKey.ToString</c>), <c>correlation_links</c> (each relationship in both directions, with the far end's type)
/// and <c>correlation_sightings</c> (one row per sighting version, times as UTC ticks). Reads join back to
/// <c>stix_objects</c>, so the sharing policy is applied there and a deleted version drops out of every answer.
/// </summary>
public static class CorrelationSchema
{
    private const string Sqlite = """
        CREATE TABLE correlation_keys (
            key TEXT NOT NULL,
            seq INTEGER NOT NULL,
            PRIMARY KEY (key, seq)
        ) WITHOUT ROWID;
        CREATE INDEX correlation_keys_seq ON correlation_keys (seq);
        CREATE TABLE correlation_links (
            from_ref TEXT NOT NULL,
            seq INTEGER NOT NULL,
            to_ref TEXT NOT NULL,
            to_type TEXT NOT NULL,
            PRIMARY KEY (from_ref, seq, to_ref)
        ) WITHOUT ROWID;
        CREATE TABLE correlation_sightings (
            seq INTEGER PRIMARY KEY,
            sighting_of_ref TEXT NOT NULL,
            count INTEGER NOT NULL,
            first_seen INTEGER NOT NULL,
            last_seen INTEGER NOT NULL
        );
        CREATE INDEX correlation_sightings_ref ON correlation_sightings (sighting_of_ref, seq);
        """;

    private const string Postgres = """
        CREATE TABLE correlation_keys (
            key TEXT NOT NULL,
            seq BIGINT NOT NULL,
            PRIMARY KEY (key, seq)
        );
        CREATE INDEX correlation_keys_seq ON correlation_keys (seq);
        CREATE TABLE correlation_links (
            from_ref TEXT NOT NULL,
            seq BIGINT NOT NULL,
            to_ref TEXT NOT NULL,
            to_type TEXT NOT NULL,
            PRIMARY KEY (from_ref, seq, to_ref)
        );
        CREATE TABLE correlation_sightings (
            seq BIGINT PRIMARY KEY,
            sighting_of_ref TEXT NOT NULL,
            count BIGINT NOT NULL,
            first_seen BIGINT NOT NULL,
            last_seen BIGINT NOT NULL
        );
        CREATE INDEX correlation_sightings_ref ON correlation_sightings (sighting_of_ref, seq);
        """;

    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new("0200-correlation", Sqlite, Postgres),
    ];
}
