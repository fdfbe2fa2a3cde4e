using System.Text.Json.Nodes;
using Vigil.Core.Members;

namespace Vigil.Ledger.Entries;

/// <summary>The data-minimization policy refused a share: which rule, triggered by which field.</summary>
public sealed record ShareRefused : LedgerEvent
{
    public const string TypeName = "share-refused";

    public override string Type => TypeName;

    public required string ObjectId { get; init; }

    public required string AuthorOrg { get; init; }

    /// <summary>The sector the share was headed to.</summary>
    public required Sector TargetSector { get; init; }

    public required string ContentClass { get; init; }

    /// <summary>The id of the policy rule that refused it.</summary>
    public required string Rule { get; init; }

    /// <summary>The path of the field that triggered the rule (e.g. <c>objects[2].x_vigil_content_class</c>).</summary>
    public required string Field { get; init; }

    /// <summary>The policy version that decided.</summary>
    public required int PolicyVersion { get; init; }

    internal override void WriteMembers(JsonObject json)
    {
        json["object_id"] = ObjectId;
        json["author_org"] = AuthorOrg;
        json["target_sector"] = EntryFields.SectorName(TargetSector);
        json["content_class"] = ContentClass;
        json["rule"] = Rule;
        json["field"] = Field;
        json["policy_version"] = PolicyVersion;
    }

    internal static ShareRefused Read(EntryReader r) => new()
    {
        OccurredAt = r.Time(),
        ObjectId = r.Text("object_id"),
        AuthorOrg = r.Text("author_org"),
        TargetSector = r.Sector("target_sector"),
        ContentClass = r.Token("content_class"),
        Rule = r.Text("rule"),
        Field = r.Text("field"),
        PolicyVersion = r.Int("policy_version"),
    };
}
