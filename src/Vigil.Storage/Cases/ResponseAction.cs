namespace Vigil.Storage.Cases;

/// <summary>One action taken with how many items it covered; <see cref="Reason"/> is required for <see cref="ResponseActionKind.NoAction"/>.</summary>
public sealed record ResponseAction(ResponseActionKind Action, long Count, string? Reason = null);
