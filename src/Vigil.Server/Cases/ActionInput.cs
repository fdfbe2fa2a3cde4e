namespace Vigil.Server.Cases;

/// <summary>One action: accounts-removed, content-labeled, content-reduced, ads-rejected or no-action (which needs a reason).</summary>
public sealed record ActionInput(string? Action, long? Count, string? Reason);
