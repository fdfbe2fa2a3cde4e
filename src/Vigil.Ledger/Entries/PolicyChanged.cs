using System.Text.Json.Nodes;

namespace Vigil.Ledger.Entries;

/// <summary>An administrator published a new version of the data-minimization policy.</summary>
public sealed record PolicyChanged : LedgerEvent
{
    public const string TypeName = "policy-changed";

    public override string Type => TypeName;

    public required int PolicyVersion { get; init; }

    /// <summary>SHA-256 (hex) of the canonical policy document, so anyone holding it can match it to this entry.</summary>
    public required string PolicySha256 { get; init; }

    /// <summary>The pseudonymous id of the administrator.</summary>
    public required string ChangedBy { get; init; }

    internal override void WriteMembers(JsonObject json)
    {
        json["policy_version"] = PolicyVersion;
        json["policy_sha256"] = PolicySha256;
        json["changed_by"] = ChangedBy;
    }

    internal static PolicyChanged Read(EntryReader r) => new()
    {
        OccurredAt = r.Time(),
        PolicyVersion = r.Int("policy_version"),
        PolicySha256 = r.Sha256Hex("policy_sha256"),
        ChangedBy = r.Text("changed_by"),
    };
}
