using Vigil.Detection.Signals;

namespace Vigil.Detection.Graph;

/// <summary>A signal's occurrences kept for the evidence pass, with the window they were paired in.</summary>
internal sealed record EvidenceSource(Occurrences Occurrences, int WindowSeconds, int MaxPairsPerShare);
