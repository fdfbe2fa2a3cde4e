using Vigil.Storage.Database;

namespace Vigil.Storage.Members;

/// <summary>Tables for organizations, users, API keys, sharing groups and collections (migration ids 0001-0099).</summary>
public static class MemberSchema
{
    // Booleans are INTEGER 0/1 and timestamps ISO-8601 TEXT on both databases so one set of statements serves both.
    private const string Tables = """
        CREATE TABLE organizations (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            sector TEXT NOT NULL,
            identity_id TEXT NOT NULL UNIQUE,
            country TEXT NULL,
            created TEXT NOT NULL
        );
        CREATE TABLE users (
            id TEXT PRIMARY KEY,
            org_id TEXT NOT NULL REFERENCES organizations (id),
            user_name TEXT NOT NULL UNIQUE,
            display_name TEXT NULL,
            role TEXT NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0,
            password_hash TEXT NOT NULL,
            created TEXT NOT NULL
        );
        CREATE INDEX users_org ON users (org_id);
        CREATE TABLE api_keys (
            id TEXT PRIMARY KEY,
            org_id TEXT NOT NULL REFERENCES organizations (id),
            user_id TEXT NULL REFERENCES users (id),
            name TEXT NOT NULL,
            key_hash TEXT NOT NULL UNIQUE,
            read_collections TEXT NOT NULL DEFAULT '',
            write_collections TEXT NOT NULL DEFAULT '',
            can_write INTEGER NOT NULL DEFAULT 1,
            revoked INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL,
            last_used TEXT NULL
        );
        CREATE INDEX api_keys_org ON api_keys (org_id);
        CREATE TABLE sharing_groups (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            description TEXT NULL
        );
        CREATE TABLE sharing_group_members (
            group_id TEXT NOT NULL REFERENCES sharing_groups (id),
            org_id TEXT NOT NULL REFERENCES organizations (id),
            PRIMARY KEY (group_id, org_id)
        );
        CREATE INDEX sharing_group_members_org ON sharing_group_members (org_id);
        CREATE TABLE collections (
            id TEXT PRIMARY KEY,
            api_root TEXT NOT NULL,
            title TEXT NOT NULL,
            description TEXT NULL,
            alias TEXT NULL,
            all_members_read INTEGER NOT NULL DEFAULT 0,
            all_members_write INTEGER NOT NULL DEFAULT 0,
            public_read INTEGER NOT NULL DEFAULT 0,
            default_tlp TEXT NOT NULL,
            created TEXT NOT NULL
        );
        CREATE INDEX collections_root ON collections (api_root);
        CREATE TABLE collection_members (
            collection_id TEXT NOT NULL REFERENCES collections (id),
            org_id TEXT NOT NULL REFERENCES organizations (id),
            can_write INTEGER NOT NULL,
            PRIMARY KEY (collection_id, org_id)
        )
        """;

    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new Migration("0001-members", Tables, Tables),
    ];
}
