namespace Vigil.Core.Stix.Validation;

/// <summary>The outcome of validating one STIX object: errors reject it, warnings do not.</summary>
public sealed record ValidationResult(IReadOnlyList<ValidationIssue> Errors, IReadOnlyList<ValidationIssue> Warnings)
{
    public bool IsValid => Errors.Count == 0;

    public override string ToString() => IsValid ? "valid" : string.Join("; ", Errors);
}
