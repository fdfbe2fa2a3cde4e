using Vigil.Storage.Database;

namespace Vigil.Storage.Alerts;

/// <summary>
/// The event outbox and what the dispatcher makes of it (migration ids 0700-0799): <c>event_outbox</c> (written in
/// the transaction of the change), <c>event_cursors</c> (how far each consumer got), <c>watchlists</c>, <c>alerts</c>
/// (the inbox, one row per watchlist and object version), <c>webhooks</c> and <c>webhook_deliveries</c> (the retry queue
/// and dead-letter list). Times are Unix milliseconds.
/// </summary>
public static class AlertSchema
{
    private const string Tables = """
        CREATE TABLE event_cursors (
            consumer TEXT PRIMARY KEY,
            last_id BIGINT NOT NULL
        );
        CREATE TABLE watchlists (
            id TEXT PRIMARY KEY,
            org_id TEXT NOT NULL,
            user_id TEXT NULL,
            name TEXT NOT NULL,
            spec TEXT NOT NULL,
            created_at BIGINT NOT NULL
        );
        CREATE INDEX watchlists_org ON watchlists (org_id);
        CREATE TABLE webhooks (
            id TEXT PRIMARY KEY,
            org_id TEXT NOT NULL,
            url TEXT NOT NULL,
            secret TEXT NOT NULL,
            created_at BIGINT NOT NULL
        );
        CREATE INDEX webhooks_org ON webhooks (org_id);
        """;

    // The same tables on both databases but for the generated key: {Key} is filled in per database.
    private const string Keyed = """
        CREATE TABLE event_outbox (
            id {Key},
            kind TEXT NOT NULL,
            payload TEXT NOT NULL,
            occurred_at BIGINT NOT NULL
        );
        CREATE TABLE alerts (
            id {Key},
            org_id TEXT NOT NULL,
            watchlist_id TEXT NOT NULL,
            event_id BIGINT NOT NULL,
            collection_id TEXT NOT NULL,
            object_id TEXT NOT NULL,
            object_type TEXT NOT NULL,
            seq BIGINT NOT NULL,
            reasons TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            read_at BIGINT NULL,
            UNIQUE (watchlist_id, seq)
        );
        CREATE INDEX alerts_org ON alerts (org_id, id);
        CREATE TABLE webhook_deliveries (
            id {Key},
            webhook_id TEXT NOT NULL,
            alert_id BIGINT NOT NULL,
            idempotency_key TEXT NOT NULL UNIQUE,
            body TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            status TEXT NOT NULL,
            next_attempt_at BIGINT NOT NULL,
            last_error TEXT NULL,
            finished_at BIGINT NULL
        );
        CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
        CREATE INDEX webhook_deliveries_hook ON webhook_deliveries (webhook_id, id);
        """;

    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new("0700-events-alerts",
            Keyed.Replace("{Key}", "INTEGER PRIMARY KEY", StringComparison.Ordinal) + Tables,
            Keyed.Replace("{Key}", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", StringComparison.Ordinal) + Tables),
    ];
}
