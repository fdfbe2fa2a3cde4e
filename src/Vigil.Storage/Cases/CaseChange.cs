namespace Vigil.Storage.Cases;

/// <summary>How a change to a case went. Unknown and not-a-party are the same answer, so nobody can learn that a case exists.</summary>
public enum CaseChange
{
    Done,
    NotFound,
    IllegalTransition,
    StaleStatus,
    NotVisible,
    NotAMember,
}
