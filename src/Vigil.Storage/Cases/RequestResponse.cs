namespace Vigil.Storage.Cases;

/// <summary>A recipient's answer: the actions it took, each with a count, and a note.</summary>
public sealed record RequestResponse(long Seq, string RequestId, string OrgId, string? UserId, string Note, IReadOnlyList<ResponseAction> Actions, DateTimeOffset CreatedAt);
