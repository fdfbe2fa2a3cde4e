using Vigil.Storage.Cases;

namespace Vigil.Server.Web.Board;

/// <summary>What the live board shows a member at one moment: only cases and requests it is a party to.</summary>
public sealed record BoardState(
    IReadOnlyList<(string Label, int Count)> OpenByType,
    IReadOnlyList<(string Label, int Count)> OpenByJurisdiction,
    IReadOnlyList<(string Label, int Count)> ByStatus,
    IReadOnlyList<BoardRequest> OpenRequests,
    IReadOnlyList<BoardFeedItem> Feed);

/// <summary>An open request with its deadline state: ok, amber (under a quarter of its time left) or red (overdue).</summary>
public sealed record BoardRequest(MemberRequest Request, string Sla, string Remaining);

/// <summary>A line of the feed: the newest case changes and requests.</summary>
public sealed record BoardFeedItem(DateTimeOffset At, string Text, string Link);
