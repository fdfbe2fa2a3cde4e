using Vigil.Storage.Cases;

namespace Vigil.Server.Cases;

/// <summary>An inbox or outbox page: the newest requests and how many the box holds.</summary>
public sealed record RequestList(IReadOnlyList<MemberRequest> Items, long Total);
