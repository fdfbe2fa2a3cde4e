using Vigil.Storage.Correlation;

namespace Vigil.Server.Correlation;

/// <summary>The objects correlated with <see cref="Id"/>, grouped by the normalized value they share with it.</summary>
public sealed record CorrelatedAnswer(string Id, IReadOnlyList<CorrelatedKey> Keys);
