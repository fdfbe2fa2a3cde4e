using System.Text.Json.Nodes;

namespace Vigil.Ledger.Entries;

/// <summary>A STIX object version was shared with other organizations (by recipient list or by marking).</summary>
public sealed record ObjectShared : LedgerEvent
{
    public const string TypeName = "object-shared";

    public override string Type => TypeName;

    /// <summary>The STIX id of the object.</summary>
    public required string ObjectId { get; init; }

    /// <summary>The object version (its STIX <c>modified</c> timestamp as written).</summary>
    public required string ObjectVersion { get; init; }

    /// <summary>The authoring organization's id.</summary>
    public required string AuthorOrg { get; init; }

    /// <summary>The content class of the object (e.g. <c>public-content</c>).</summary>
    public required string ContentClass { get; init; }

    /// <summary>Recipient organization or sharing-group ids, when shared to named recipients.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>The marking that decided the audience (e.g. <c>TLP:GREEN</c>), when shared by marking.</summary>
    public string? Marking { get; init; }

    internal override void WriteMembers(JsonObject json)
    {
        json["object_id"] = ObjectId;
        json["object_version"] = ObjectVersion;
        json["author_org"] = AuthorOrg;
        json["content_class"] = ContentClass;
        json["recipients"] = EntryFields.Array(Recipients);
        if (Marking is not null)
        {
            json["marking"] = Marking;
        }
    }

    internal static ObjectShared Read(EntryReader r) => new()
    {
        OccurredAt = r.Time(),
        ObjectId = r.Text("object_id"),
        ObjectVersion = r.Text("object_version"),
        AuthorOrg = r.Text("author_org"),
        ContentClass = r.Token("content_class"),
        Recipients = r.TextList("recipients"),
        Marking = r.OptionalText("marking"),
    };
}
