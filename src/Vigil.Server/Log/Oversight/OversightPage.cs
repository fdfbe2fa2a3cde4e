namespace Vigil.Server.Log.Oversight;

/// <summary>
/// A page of matching entries. <see cref="Next"/> is the <c>after</c> value that continues the scan (null at the end of
/// the log); a page may hold fewer than the limit when its scan budget ran out first.
/// </summary>
public sealed record OversightPage(IReadOnlyList<OversightEntry> Entries, long? Next, long Scanned, long LogSize);
