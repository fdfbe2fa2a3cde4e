namespace Vigil.Storage.Cases;

/// <summary>Where a case is in its workflow; <see cref="CaseWorkflow"/> says which moves are legal.</summary>
public enum CaseStatus
{
    Reported,
    Triaged,
    InProgress,
    Actioned,
    Disclosed,
    Closed,
}
