using Vigil.Storage.Database;

namespace Vigil.Storage.Privacy;

/// <summary>
/// The data-minimization policy (migration ids 0350-0399, inside the ledger's range): <c>privacy_policies</c> keeps
/// every version ever published, never updated or deleted; the highest version is in force. <c>document</c> is the
/// canonical JSON and <c>sha256</c> its hash, as logged in the <c>policy-changed</c> entry.
/// </summary>
public static class PolicySchema
{
    private const string Tables = """
        CREATE TABLE privacy_policies (
            version INTEGER PRIMARY KEY,
            document TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            changed_by TEXT NOT NULL,
            changed_at BIGINT NOT NULL
        );
        """;

    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new("0350-privacy-policies", Tables, Tables),
    ];
}
