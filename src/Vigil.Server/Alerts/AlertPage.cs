namespace Vigil.Server.Alerts;

/// <summary>A page of the inbox, oldest first; pass <see cref="Next"/> as <c>after</c> for the following page.</summary>
public sealed record AlertPage(IReadOnlyList<AlertView> Alerts, long Unread, long Next);
