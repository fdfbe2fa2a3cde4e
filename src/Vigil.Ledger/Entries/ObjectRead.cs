using System.Text.Json.Nodes;
using Vigil.Core.Members;

namespace Vigil.Ledger.Entries;

/// <summary>A member of another sector read an object (who, what, when).</summary>
public sealed record ObjectRead : LedgerEvent
{
    public const string TypeName = "object-read";

    public override string Type => TypeName;

    /// <summary>The STIX id of the object read.</summary>
    public required string ObjectId { get; init; }

    /// <summary>The reading organization's id.</summary>
    public required string ReaderOrg { get; init; }

    /// <summary>The reading organization's sector.</summary>
    public required Sector ReaderSector { get; init; }

    /// <summary>The pseudonymous id of the reading user.</summary>
    public required string ReaderPseudonym { get; init; }

    /// <summary>The sector of the organization that authored the object.</summary>
    public required Sector AuthorSector { get; init; }

    internal override void WriteMembers(JsonObject json)
    {
        json["object_id"] = ObjectId;
        json["reader_org"] = ReaderOrg;
        json["reader_sector"] = EntryFields.SectorName(ReaderSector);
        json["reader"] = ReaderPseudonym;
        json["author_sector"] = EntryFields.SectorName(AuthorSector);
    }

    internal static ObjectRead Read(EntryReader r) => new()
    {
        OccurredAt = r.Time(),
        ObjectId = r.Text("object_id"),
        ReaderOrg = r.Text("reader_org"),
        ReaderSector = r.Sector("reader_sector"),
        ReaderPseudonym = r.Text("reader"),
        AuthorSector = r.Sector("author_sector"),
    };
}
