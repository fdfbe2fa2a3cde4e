namespace Vigil.Core.Stix.Validation;

/// <summary>The result for the object at <see cref="Index"/> of an envelope's <c>objects</c>, with its id and version when readable.</summary>
public sealed record ObjectValidationResult(int Index, string? Id, string? Version, ValidationResult Result)
{
    public bool IsValid => Result.IsValid;
}
