namespace Vigil.Detection.Reading;

/// <summary>Counts every row issue, keeps the first few in detail, and in strict mode throws on the first.</summary>
internal sealed class RowIssueLog(bool strict, int maxKept)
{
    private readonly List<RowIssue> _kept = [];

    public long IssueCount { get; private set; }

    public long RejectedRows { get; private set; }

    public IReadOnlyList<RowIssue> Kept => _kept;

    public void Report(long line, string field, string message)
    {
        var issue = new RowIssue(line, field, message);
        if (strict)
        {
            throw new MalformedInputException("Bad row in strict mode", issue);
        }

        IssueCount++;
        if (_kept.Count < maxKept)
        {
            _kept.Add(issue);
        }
    }

    public void Reject() => RejectedRows++;
}
