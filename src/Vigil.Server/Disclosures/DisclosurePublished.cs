namespace Vigil.Server.Disclosures;

/// <summary>The answer to publishing: the public disclosure and whether the case moved to disclosed.</summary>
public sealed record DisclosurePublished(DisclosureView Disclosure, bool CaseDisclosed);
