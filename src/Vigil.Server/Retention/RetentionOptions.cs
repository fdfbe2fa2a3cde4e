namespace Vigil.Server.Retention;

/// <summary>
/// How the hub applies retention (configuration section <c>Vigil:Retention</c>). Collection rules are set per collection
/// through the admin API; the closed-case period is one hub-wide setting here, the same for every case, so that members
/// can rely on it without reading each case.
/// </summary>
public sealed record RetentionOptions
{
    /// <summary>How often the retention sweep runs (it also runs at start and on <c>POST /api/admin/retention/run</c>).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Days after a case is closed when its comment texts, attachment notes and request and response bodies are erased;
    /// null keeps them. Who wrote what when, the case record and its timeline stay.
    /// </summary>
    public int? ClosedCaseDays { get; init; }
}
