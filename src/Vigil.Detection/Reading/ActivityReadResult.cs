using Vigil.Detection.Activities;

namespace Vigil.Detection.Reading;

/// <summary>What a read produced: the table, the format used, and every row that had a problem.</summary>
public sealed record ActivityReadResult
{
    public required ActivityTable Table { get; init; }
    public required ActivityFormat Format { get; init; }
    /// <summary>Data rows seen (header excluded).</summary>
    public required long RowsRead { get; init; }
    /// <summary>Rows left out because a required field (account, timestamp) was missing or unparseable.</summary>
    public required long RowsRejected { get; init; }
    /// <summary>All field problems, including those in rows that were kept with the field left empty.</summary>
    public required long IssueCount { get; init; }
    /// <summary>The first issues in detail (100 by default).</summary>
    public required IReadOnlyList<RowIssue> Issues { get; init; }
}
