using Vigil.Storage.Database;

namespace Vigil.Storage.Cases;

/// <summary>
/// Cases, the elections calendar and requests between members (migration ids 0400-0499). A case belongs to its
/// parties (<c>case_parties</c>) and a request to its sender and recipients (<c>request_recipients</c>): every read joins
/// those tables in SQL. Times are Unix milliseconds; election and affected dates are ISO dates (yyyy-MM-dd).
/// </summary>
public static class CaseSchema
{
    private const string Tables = """
        CREATE TABLE elections (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            country TEXT NOT NULL,
            region TEXT NULL,
            election_date TEXT NOT NULL,
            created_by_org TEXT NOT NULL,
            created_at BIGINT NOT NULL
        );
        CREATE INDEX elections_date ON elections (election_date, id);
        CREATE TABLE cases (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            case_type TEXT NOT NULL,
            severity TEXT NOT NULL,
            summary TEXT NOT NULL,
            jurisdictions TEXT NOT NULL,
            affected_dates TEXT NOT NULL,
            status TEXT NOT NULL,
            status_by_org TEXT NOT NULL,
            status_by_user TEXT NULL,
            status_at BIGINT NOT NULL,
            created_by_org TEXT NOT NULL,
            created_by_user TEXT NULL,
            created_at BIGINT NOT NULL
        );
        CREATE INDEX cases_created ON cases (created_at, id);
        CREATE TABLE case_parties (
            case_id TEXT NOT NULL,
            org_id TEXT NOT NULL,
            added_at BIGINT NOT NULL,
            PRIMARY KEY (org_id, case_id)
        );
        CREATE INDEX case_parties_case ON case_parties (case_id);
        CREATE TABLE case_assignees (
            case_id TEXT NOT NULL,
            org_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            assigned_at BIGINT NOT NULL,
            PRIMARY KEY (case_id, org_id)
        );
        CREATE TABLE case_elections (
            case_id TEXT NOT NULL,
            election_id TEXT NOT NULL,
            PRIMARY KEY (case_id, election_id)
        );
        CREATE INDEX case_elections_election ON case_elections (election_id, case_id);
        CREATE TABLE case_events (
            seq {serial},
            case_id TEXT NOT NULL,
            at BIGINT NOT NULL,
            org_id TEXT NOT NULL,
            user_id TEXT NULL,
            kind TEXT NOT NULL,
            detail TEXT NOT NULL
        );
        CREATE INDEX case_events_case ON case_events (case_id, seq);
        CREATE TABLE case_comments (
            seq {serial},
            case_id TEXT NOT NULL,
            org_id TEXT NOT NULL,
            user_id TEXT NULL,
            body TEXT NOT NULL,
            tlp INTEGER NOT NULL,
            created_at BIGINT NOT NULL
        );
        CREATE INDEX case_comments_case ON case_comments (case_id, seq);
        CREATE TABLE case_attachments (
            case_id TEXT NOT NULL,
            object_id TEXT NOT NULL,
            org_id TEXT NOT NULL,
            user_id TEXT NULL,
            note TEXT NOT NULL,
            attached_at BIGINT NOT NULL,
            PRIMARY KEY (case_id, object_id)
        );
        CREATE TABLE member_requests (
            id TEXT PRIMARY KEY,
            from_org TEXT NOT NULL,
            from_user TEXT NULL,
            kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            body TEXT NOT NULL,
            tlp INTEGER NOT NULL,
            deadline BIGINT NULL,
            status TEXT NOT NULL,
            case_id TEXT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL
        );
        CREATE INDEX member_requests_from ON member_requests (from_org, created_at);
        CREATE INDEX member_requests_case ON member_requests (case_id);
        CREATE TABLE request_recipients (
            request_id TEXT NOT NULL,
            org_id TEXT NOT NULL,
            responded_at BIGINT NULL,
            PRIMARY KEY (org_id, request_id)
        );
        CREATE INDEX request_recipients_request ON request_recipients (request_id);
        CREATE TABLE request_objects (
            request_id TEXT NOT NULL,
            object_id TEXT NOT NULL,
            PRIMARY KEY (request_id, object_id)
        );
        CREATE TABLE request_responses (
            seq {serial},
            request_id TEXT NOT NULL,
            org_id TEXT NOT NULL,
            user_id TEXT NULL,
            note TEXT NOT NULL,
            actions TEXT NOT NULL,
            created_at BIGINT NOT NULL
        );
        CREATE INDEX request_responses_request ON request_responses (request_id, seq);
        """;

    private const string PartyStatus = """
        ALTER TABLE case_parties ADD COLUMN status TEXT NULL;
        UPDATE case_parties SET status = (SELECT c.status FROM cases c WHERE c.id = case_parties.case_id);
        CREATE INDEX case_parties_status ON case_parties (org_id, status);
        """;

    private const string AdPages = """
        CREATE TABLE case_ad_pages (
            case_id TEXT NOT NULL,
            platform TEXT NOT NULL,
            page_id TEXT NOT NULL,
            org_id TEXT NOT NULL,
            user_id TEXT NULL,
            note TEXT NOT NULL,
            added_at BIGINT NOT NULL,
            PRIMARY KEY (case_id, platform, page_id)
        );
        CREATE INDEX case_ad_pages_page ON case_ad_pages (platform, page_id);
        """;

    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new("0400-cases-requests",
            Tables.Replace("{serial}", "INTEGER PRIMARY KEY", StringComparison.Ordinal),
            Tables.Replace("{serial}", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", StringComparison.Ordinal)),
        new("0410-request-legal-process",
            "ALTER TABLE member_requests ADD COLUMN legal_process TEXT NULL",
            "ALTER TABLE member_requests ADD COLUMN legal_process TEXT NULL"),

        // Each party row carries its case's status, so an organization's case counts read one index range.
        new("0470-case-party-status", PartyStatus, PartyStatus),
        new("0480-case-ad-pages", AdPages, AdPages),
    ];
}
