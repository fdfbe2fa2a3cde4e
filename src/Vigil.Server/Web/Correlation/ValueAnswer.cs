using Vigil.Storage.Correlation;

namespace Vigil.Server.Web.Correlation;

/// <summary>What the value page shows: the normalized value, its flags, and the visible objects touching it (oldest first).</summary>
public sealed record ValueAnswer(string Key, string Display, IReadOnlyList<string> Flags, IReadOnlyList<string> ReportedBy, IReadOnlyList<CorrelationHit> Objects);
