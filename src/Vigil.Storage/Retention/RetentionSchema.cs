using Vigil.Storage.Database;

namespace Vigil.Storage.Retention;

/// <summary>
/// Retention (migration ids 0150 in the exchange range, 0460 in the cases range). <c>collection_retention</c> holds one
/// rule per collection; <c>stix_objects.erased</c> marks a retention tombstone so it never expires again;
/// <c>cases.erased_at</c> is when retention last erased a closed case's texts. The index on <c>correlation_links.seq</c>
/// lets a deletion remove a version's links without scanning the table.
/// </summary>
public static class RetentionSchema
{
    private const string Collections = """
        ALTER TABLE stix_objects ADD COLUMN erased INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE collection_retention (
            collection_id TEXT PRIMARY KEY,
            days INTEGER NOT NULL,
            personal_data_only INTEGER NOT NULL,
            changed_by TEXT NOT NULL,
            changed_at BIGINT NOT NULL
        );
        """;

    private const string Cases = """
        ALTER TABLE cases ADD COLUMN erased_at BIGINT NULL;
        CREATE INDEX correlation_links_seq ON correlation_links (seq);
        """;

    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new("0150-collection-retention", Collections, Collections),
        new("0460-case-retention", Cases, Cases),
    ];
}
