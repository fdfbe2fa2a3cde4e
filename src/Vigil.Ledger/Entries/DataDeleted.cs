using System.Text.Json.Nodes;

namespace Vigil.Ledger.Entries;

/// <summary>Data was deleted or revoked (by retention, by its author, on request); the log keeps only this record.</summary>
public sealed record DataDeleted : LedgerEvent
{
    public const string TypeName = "data-deleted";

    public override string Type => TypeName;

    /// <summary>The id of what was deleted: an object, a collection or a case.</summary>
    public required string SubjectId { get; init; }

    /// <summary>The reason token (e.g. <c>retention</c>, <c>revocation</c>, <c>author-request</c>).</summary>
    public required string Reason { get; init; }

    /// <summary>Who or what deleted it (a pseudonymous id, or <c>retention-policy</c>).</summary>
    public required string DeletedBy { get; init; }

    internal override void WriteMembers(JsonObject json)
    {
        json["subject_id"] = SubjectId;
        json["reason"] = Reason;
        json["deleted_by"] = DeletedBy;
    }

    internal static DataDeleted Read(EntryReader r) => new()
    {
        OccurredAt = r.Time(),
        SubjectId = r.Text("subject_id"),
        Reason = r.Token("reason"),
        DeletedBy = r.Text("deleted_by"),
    };
}
