using Vigil.Storage.Cases;

namespace Vigil.Server.Cases;

/// <summary><c>GET /api/rest/cases</c>: the newest matching cases the caller is party to and how many match in all.</summary>
public sealed record CaseList(IReadOnlyList<CaseRecord> Items, long Total);
