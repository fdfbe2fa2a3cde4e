using System.Text.Json.Nodes;

namespace Vigil.Ledger.Entries;

/// <summary>An organization sent a request (for information, takedown review, preservation…) to another.</summary>
public sealed record RequestSent : LedgerEvent
{
    public const string TypeName = "request-sent";

    public override string Type => TypeName;

    public required string RequestId { get; init; }

    public required string FromOrg { get; init; }

    public required string ToOrg { get; init; }

    /// <summary>The request type token (e.g. <c>information</c>, <c>preservation</c>).</summary>
    public required string RequestType { get; init; }

    internal override void WriteMembers(JsonObject json)
    {
        json["request_id"] = RequestId;
        json["from_org"] = FromOrg;
        json["to_org"] = ToOrg;
        json["request_type"] = RequestType;
    }

    internal static RequestSent Read(EntryReader r) => new()
    {
        OccurredAt = r.Time(),
        RequestId = r.Text("request_id"),
        FromOrg = r.Text("from_org"),
        ToOrg = r.Text("to_org"),
        RequestType = r.Token("request_type"),
    };
}
