using System.Text.Json.Nodes;

namespace Vigil.Ledger.Entries;

/// <summary>A request was answered, with its outcome.</summary>
public sealed record RequestAnswered : LedgerEvent
{
    public const string TypeName = "request-answered";

    public override string Type => TypeName;

    public required string RequestId { get; init; }

    public required string ResponderOrg { get; init; }

    /// <summary>The outcome token (e.g. <c>fulfilled</c>, <c>partially-fulfilled</c>, <c>declined</c>).</summary>
    public required string Outcome { get; init; }

    internal override void WriteMembers(JsonObject json)
    {
        json["request_id"] = RequestId;
        json["responder_org"] = ResponderOrg;
        json["outcome"] = Outcome;
    }

    internal static RequestAnswered Read(EntryReader r) => new()
    {
        OccurredAt = r.Time(),
        RequestId = r.Text("request_id"),
        ResponderOrg = r.Text("responder_org"),
        Outcome = r.Token("outcome"),
    };
}
