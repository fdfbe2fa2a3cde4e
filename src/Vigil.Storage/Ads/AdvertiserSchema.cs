using Vigil.Storage.Database;

namespace Vigil.Storage.Ads;

/// <summary>
/// Registered political advertisers (migration 0610): <c>ad_advertisers</c> holds each advertiser as JSON (identity, disclaimer,
/// verification state and history, attestation, block), <c>ad_advertiser_accounts</c> maps a platform page or account to it.
/// </summary>
public static class AdvertiserSchema
{
    private const string Sqlite = """
        CREATE TABLE ad_advertisers (
            id TEXT PRIMARY KEY,
            advertiser_json TEXT NOT NULL
        );
        CREATE TABLE ad_advertiser_accounts (
            platform TEXT NOT NULL,
            account_id TEXT NOT NULL,
            advertiser_id TEXT NOT NULL,
            PRIMARY KEY (platform, account_id)
        ) WITHOUT ROWID;
        """;

    private const string Postgres = """
        CREATE TABLE ad_advertisers (
            id TEXT PRIMARY KEY,
            advertiser_json TEXT NOT NULL
        );
        CREATE TABLE ad_advertiser_accounts (
            platform TEXT NOT NULL,
            account_id TEXT NOT NULL,
            advertiser_id TEXT NOT NULL,
            PRIMARY KEY (platform, account_id)
        );
        """;

    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new("0610-ad-advertisers", Sqlite, Postgres),
    ];
}
