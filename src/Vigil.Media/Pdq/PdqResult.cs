namespace Vigil.Media.Pdq;

/// <summary>A PDQ hash with its quality (0..100; the reference trusts 50 and above).</summary>
public readonly record struct PdqResult(PdqHash Hash, int Quality);
