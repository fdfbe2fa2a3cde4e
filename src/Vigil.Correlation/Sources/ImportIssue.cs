namespace Vigil.Correlation.Sources;

/// <summary>A row that was skipped (or partly used): its line in the file, the field, and what was wrong.</summary>
public sealed record ImportIssue(int Line, string Field, string Message)
{
    public override string ToString() => $"line {Line}, field '{Field}': {Message}";
}
