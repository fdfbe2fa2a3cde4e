using Vigil.Storage.Cases;

namespace Vigil.Server.Cases;

/// <summary><c>GET /api/rest/elections/{id}</c>: the election and the cases about it that the caller is party to.</summary>
public sealed record ElectionDetail(Election Election, IReadOnlyList<CaseRecord> Cases);
