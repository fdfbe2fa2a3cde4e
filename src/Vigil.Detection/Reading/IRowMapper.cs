using Vigil.Detection.Activities;

namespace Vigil.Detection.Reading;

/// <summary>Turns one row of a format's fields into an activity, reporting problems to the log.</summary>
internal interface IRowMapper
{
    bool TryMap(IReadOnlyList<string?> fields, long line, RowIssueLog log, out ActivityRecord record);
}
