namespace Vigil.Detection.Reading;

/// <summary>Input that cannot be read: an unknown layout, or (in strict mode) the first bad row.</summary>
public sealed class MalformedInputException : Exception
{
    public MalformedInputException(string message, RowIssue? issue = null)
        : base(issue is null ? message : $"{message} ({issue})")
    {
        Issue = issue;
    }

    public MalformedInputException()
    {
    }

    public MalformedInputException(string message)
        : base(message)
    {
    }

    public MalformedInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RowIssue? Issue { get; }
}
