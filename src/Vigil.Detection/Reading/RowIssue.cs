namespace Vigil.Detection.Reading;

/// <summary>One problem in the input: the line (1-based, of the row's first line), the field and what is wrong.</summary>
public sealed record RowIssue(long Line, string Field, string Message)
{
    public override string ToString() => $"line {Line}, field '{Field}': {Message}";
}
