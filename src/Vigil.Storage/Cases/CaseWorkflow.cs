namespace Vigil.Storage.Cases;

/// <summary>
/// The legal status moves: one step forward along reported → triaged → in progress → actioned → disclosed → closed;
/// closing from any open status (nothing to act on, or no disclosure); and reopening a closed case into progress.
/// </summary>
public static class CaseWorkflow
{
    public static bool CanMove(CaseStatus from, CaseStatus to) => (from, to) switch
    {
        (CaseStatus.Closed, CaseStatus.InProgress) => true,
        (CaseStatus.Closed, _) => false,
        (_, CaseStatus.Closed) => true,
        _ => to == from + 1,
    };

    /// <summary>The statuses a case in <paramref name="from"/> may move to, in workflow order.</summary>
    public static IReadOnlyList<CaseStatus> NextOf(CaseStatus from) => [.. Enum.GetValues<CaseStatus>().Where(to => CanMove(from, to))];
}
