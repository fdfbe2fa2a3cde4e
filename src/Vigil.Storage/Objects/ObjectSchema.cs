using Vigil.Storage.Database;

namespace Vigil.Storage.Objects;

/// <summary>
/// Tables of the exchange (migration ids 0100-0199). Every version of every object is a row of
/// <c>stix_objects</c>; <c>seq</c> is its date_added in microseconds since the Unix epoch, unique and strictly
/// increasing (writers are serialized through <c>stix_clock</c>), so it doubles as the keyset for paging and
/// <c>added_after</c>. <c>stix_audience</c> holds the principals an AMBER/AMBER+STRICT/RED version is addressed to.
/// Only <c>stix_objects_version</c> is keyed by the random object id; it serves lookups by id across collections
/// and within one, so each insert dirties one random index page rather than two.
/// </summary>
public static class ObjectSchema
{
    private const string SqliteTables = """
        CREATE TABLE stix_objects (
            seq INTEGER PRIMARY KEY,
            collection_id TEXT NOT NULL,
            object_id TEXT NOT NULL,
            type TEXT NOT NULL,
            spec_version TEXT NOT NULL,
            version TEXT NOT NULL,
            version_ticks INTEGER NOT NULL,
            tlp INTEGER NOT NULL,
            author_org TEXT NOT NULL,
            revoked INTEGER NOT NULL,
            is_latest INTEGER NOT NULL,
            status_id TEXT NULL,
            json TEXT NOT NULL
        );
        CREATE INDEX stix_objects_collection ON stix_objects (collection_id, seq);
        CREATE INDEX stix_objects_type ON stix_objects (collection_id, type, seq);
        CREATE UNIQUE INDEX stix_objects_version ON stix_objects (object_id, collection_id, version_ticks);
        CREATE TABLE stix_audience (
            seq INTEGER NOT NULL,
            principal TEXT NOT NULL,
            PRIMARY KEY (seq, principal)
        ) WITHOUT ROWID;
        CREATE TABLE stix_clock (id INTEGER PRIMARY KEY, last_added INTEGER NOT NULL);
        INSERT INTO stix_clock (id, last_added) VALUES (1, 0);
        CREATE TABLE taxii_status (
            id TEXT PRIMARY KEY,
            collection_id TEXT NOT NULL,
            org_id TEXT NOT NULL,
            request_timestamp TEXT NOT NULL,
            json TEXT NOT NULL
        );
        """;

    private const string PostgresTables = """
        CREATE TABLE stix_objects (
            seq BIGINT PRIMARY KEY,
            collection_id TEXT NOT NULL,
            object_id TEXT NOT NULL,
            type TEXT NOT NULL,
            spec_version TEXT NOT NULL,
            version TEXT NOT NULL,
            version_ticks BIGINT NOT NULL,
            tlp INTEGER NOT NULL,
            author_org TEXT NOT NULL,
            revoked INTEGER NOT NULL,
            is_latest INTEGER NOT NULL,
            status_id TEXT NULL,
            json TEXT NOT NULL
        );
        CREATE INDEX stix_objects_collection ON stix_objects (collection_id, seq);
        CREATE INDEX stix_objects_type ON stix_objects (collection_id, type, seq);
        CREATE UNIQUE INDEX stix_objects_version ON stix_objects (object_id, collection_id, version_ticks);
        CREATE TABLE stix_audience (
            seq BIGINT NOT NULL,
            principal TEXT NOT NULL,
            PRIMARY KEY (seq, principal)
        );
        CREATE TABLE stix_clock (id INTEGER PRIMARY KEY, last_added BIGINT NOT NULL);
        INSERT INTO stix_clock (id, last_added) VALUES (1, 0);
        CREATE TABLE taxii_status (
            id TEXT PRIMARY KEY,
            collection_id TEXT NOT NULL,
            org_id TEXT NOT NULL,
            request_timestamp TEXT NOT NULL,
            json TEXT NOT NULL
        );
        """;

    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new("0100-stix-objects", SqliteTables, PostgresTables),
    ];
}
