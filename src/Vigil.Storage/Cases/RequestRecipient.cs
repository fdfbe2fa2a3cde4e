namespace Vigil.Storage.Cases;

/// <summary>A recipient organization of a request and when it first responded (null while it has not).</summary>
public sealed record RequestRecipient(string OrgId, DateTimeOffset? RespondedAt);
