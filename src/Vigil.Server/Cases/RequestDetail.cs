using Vigil.Storage.Cases;

namespace Vigil.Server.Cases;

/// <summary><c>GET /api/rest/requests/{id}</c>: the request, its recipients and objects, and every response so far.</summary>
public sealed record RequestDetail(MemberRequest Request, IReadOnlyList<RequestResponse> Responses);
