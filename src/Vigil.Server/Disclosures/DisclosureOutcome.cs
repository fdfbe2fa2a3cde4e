namespace Vigil.Server.Disclosures;

/// <summary>What publishing made of its input: the disclosure, errors by field, not found (unknown or not a party), or forbidden (not a platform).</summary>
public sealed record DisclosureOutcome
{
    public DisclosureView? Value { get; init; }
    public bool CaseDisclosed { get; init; }
    public IDictionary<string, string[]>? Errors { get; init; }
    public string? NotFound { get; init; }
    public string? Forbidden { get; init; }
}
