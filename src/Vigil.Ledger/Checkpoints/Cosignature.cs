namespace Vigil.Ledger.Checkpoints;

/// <summary>A witness cosignature that verified: who cosigned and the time they stated.</summary>
public sealed record Cosignature(string WitnessName, uint KeyId, DateTimeOffset Timestamp);
