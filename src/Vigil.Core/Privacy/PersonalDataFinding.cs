namespace Vigil.Core.Privacy;

/// <summary>Personal data found in a free-text property: what kind, and the JSON path of the property.</summary>
public sealed record PersonalDataFinding(PersonalDataKind Kind, string Path);
