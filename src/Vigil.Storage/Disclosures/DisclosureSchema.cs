using Vigil.Storage.Database;

namespace Vigil.Storage.Disclosures;

/// <summary>
/// Public takedown disclosures published from cases (migration ids 0450-0499, in the cases range). Account identifiers
/// of a hashed dataset are stored already hashed; the raw values never reach the database. <c>disclosure_secret</c>
/// holds the hub's one HMAC key, made on first use. Times are Unix milliseconds, dates ISO (yyyy-MM-dd).
/// </summary>
public static class DisclosureSchema
{
    private const string Tables = """
        CREATE TABLE disclosures (
            id TEXT PRIMARY KEY,
            case_id TEXT NOT NULL,
            org_id TEXT NOT NULL,
            user_id TEXT NULL,
            title TEXT NOT NULL,
            narrative TEXT NOT NULL,
            actor TEXT NULL,
            accounts BIGINT NOT NULL,
            pages BIGINT NOT NULL,
            groups_count BIGINT NOT NULL,
            followers BIGINT NOT NULL,
            ad_spend TEXT NULL,
            ad_currency TEXT NULL,
            activity_from TEXT NULL,
            activity_to TEXT NULL,
            samples TEXT NOT NULL,
            identifiers_public INTEGER NOT NULL,
            search_text TEXT NOT NULL,
            published_at BIGINT NOT NULL
        );
        CREATE INDEX disclosures_published ON disclosures (published_at, id);
        CREATE INDEX disclosures_case ON disclosures (case_id);
        CREATE TABLE disclosure_accounts (
            disclosure_id TEXT NOT NULL,
            ordinal INTEGER NOT NULL,
            platform TEXT NOT NULL,
            account_id TEXT NOT NULL,
            handle TEXT NOT NULL,
            created TEXT NULL,
            followers BIGINT NOT NULL,
            PRIMARY KEY (disclosure_id, ordinal)
        );
        CREATE TABLE disclosure_objects (
            disclosure_id TEXT NOT NULL,
            object_id TEXT NOT NULL,
            type TEXT NOT NULL,
            original_tlp INTEGER NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (disclosure_id, object_id)
        );
        CREATE TABLE disclosure_secret (
            id INTEGER PRIMARY KEY,
            secret TEXT NOT NULL
        );
        """;

    public static IReadOnlyList<Migration> Migrations { get; } = [new("0450-disclosures", Tables, Tables)];
}
