using System.Text.Json.Nodes;

namespace Vigil.Ledger.Entries;

/// <summary>A legal-process reference was attached to a share or request.</summary>
public sealed record LegalProcessAttached : LedgerEvent
{
    public const string TypeName = "legal-process-attached";

    public override string Type => TypeName;

    /// <summary>The share, object or request the reference is attached to.</summary>
    public required string SubjectId { get; init; }

    /// <summary>The process type token: <c>subpoena</c>, <c>court-order</c>, <c>warrant</c>, <c>emergency-disclosure</c>…</summary>
    public required string ProcessType { get; init; }

    public required string IssuingBody { get; init; }

    public required string ReferenceNumber { get; init; }

    /// <summary>The date of issue, <c>yyyy-MM-dd</c>.</summary>
    public required DateOnly IssuedOn { get; init; }

    internal override void WriteMembers(JsonObject json)
    {
        json["subject_id"] = SubjectId;
        json["process_type"] = ProcessType;
        json["issuing_body"] = IssuingBody;
        json["reference_number"] = ReferenceNumber;
        json["issued_on"] = EntryFields.FormatDate(IssuedOn);
    }

    internal static LegalProcessAttached Read(EntryReader r) => new()
    {
        OccurredAt = r.Time(),
        SubjectId = r.Text("subject_id"),
        ProcessType = r.Token("process_type"),
        IssuingBody = r.Text("issuing_body"),
        ReferenceNumber = r.Text("reference_number"),
        IssuedOn = r.Date("issued_on"),
    };
}
