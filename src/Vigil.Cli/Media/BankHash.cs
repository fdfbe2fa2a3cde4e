using Vigil.Media.Pdq;

namespace Vigil.Cli.Media;

/// <summary>One hash of a bank file: the PDQ hash, an optional label (e.g. "manipulated media") and where it came from.</summary>
public sealed record BankHash(PdqHash Hash, string? Label, string? Source);
