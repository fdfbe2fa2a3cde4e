namespace Vigil.Core.Stix.Validation;

/// <summary>Placeholder: the specification-driven validator lives here.</summary>
public static class StixValidator
{
}
