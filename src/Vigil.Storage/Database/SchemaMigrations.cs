
namespace Vigil.Storage.Database;

/// <summary>Every feature's schema steps in one list; each feature adds its own <c>XxxSchema.Migrations</c> here.</summary>
public static class SchemaMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        .. Vigil.Storage.Members.MemberSchema.Migrations,
        .. Vigil.Storage.Objects.ObjectSchema.Migrations,
        .. Vigil.Storage.Correlation.CorrelationSchema.Migrations,
        .. Vigil.Storage.Ledger.LedgerSchema.Migrations,
        .. Vigil.Storage.Privacy.PolicySchema.Migrations,
        .. Vigil.Storage.Ads.AdSchema.Migrations,
        .. Vigil.Storage.Ads.AdvertiserSchema.Migrations,
        .. Vigil.Storage.Alerts.AlertSchema.Migrations,
        .. Vigil.Storage.Cases.CaseSchema.Migrations,
        .. Vigil.Storage.Disclosures.DisclosureSchema.Migrations,
        .. Vigil.Storage.Retention.RetentionSchema.Migrations,
    ];
}
