namespace Vigil.Core.Stix.Validation;

/// <summary>One finding: where (a JSON path such as <c>$.objects[3].valid_from</c>) and why.</summary>
public sealed record ValidationIssue(string Path, string Message)
{
    public override string ToString() => Path + ": " + Message;
}
