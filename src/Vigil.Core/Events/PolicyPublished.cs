namespace Vigil.Core.Events;

/// <summary>A data-minimization policy version was stored: its number, the SHA-256 of its canonical document, and who published it (pseudonymous).</summary>
public sealed record PolicyPublished(int Version, string Sha256, string ChangedBy);
