namespace Vigil.Storage.Correlation;

/// <summary>One observable key an object touches and the other visible objects touching it (latest visible version each).</summary>
public sealed record CorrelatedKey(string Key, IReadOnlyList<CorrelationHit> Objects);
