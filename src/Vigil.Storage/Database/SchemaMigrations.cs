
namespace Vigil.Storage.Database;

/// <summary>Every feature's schema steps in one list; each feature adds its own <c>XxxSchema.Migrations</c> here.</summary>
public static class SchemaMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
    ];
}
