using System.Text.Json.Nodes;

namespace Vigil.Ledger.Entries;

/// <summary>
/// One event that crossed an organization boundary, as logged. Entries carry identifiers, classes and outcomes —
/// never the content of what was shared, read or requested. Identifiers of people are pseudonymous.
/// </summary>
public abstract record LedgerEvent
{
    /// <summary>When the event happened (UTC, millisecond precision in the entry).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The entry's <c>type</c> value, e.g. <c>object-shared</c>.</summary>
    public abstract string Type { get; }

    /// <summary>Writes the event-specific members.</summary>
    internal abstract void WriteMembers(JsonObject json);
}
