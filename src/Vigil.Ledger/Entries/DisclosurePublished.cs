using System.Text.Json.Nodes;

namespace Vigil.Ledger.Entries;

/// <summary>An organization published a public disclosure built from shared objects.</summary>
public sealed record DisclosurePublished : LedgerEvent
{
    public const string TypeName = "disclosure-published";

    public override string Type => TypeName;

    public required string DisclosureId { get; init; }

    public required string PublisherOrg { get; init; }

    /// <summary>The STIX ids of the objects the disclosure draws on.</summary>
    public IReadOnlyList<string> ObjectIds { get; init; } = [];

    internal override void WriteMembers(JsonObject json)
    {
        json["disclosure_id"] = DisclosureId;
        json["publisher_org"] = PublisherOrg;
        json["object_ids"] = EntryFields.Array(ObjectIds);
    }

    internal static DisclosurePublished Read(EntryReader r) => new()
    {
        OccurredAt = r.Time(),
        DisclosureId = r.Text("disclosure_id"),
        PublisherOrg = r.Text("publisher_org"),
        ObjectIds = r.TextList("object_ids"),
    };
}
