namespace Vigil.Server.Log.Stats;

/// <summary>
/// One aggregate of the transparency log: in <see cref="Period"/> (an ISO week such as <c>2026-W48</c>, or a month such as
/// <c>2026-11</c>), <see cref="Count"/> events of <see cref="Measure"/> with these <see cref="Dimensions"/>.
/// </summary>
public sealed record StatRow(string Period, string Measure, IReadOnlyDictionary<string, string> Dimensions, long Count);
