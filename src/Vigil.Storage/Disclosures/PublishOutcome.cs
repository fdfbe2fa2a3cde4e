namespace Vigil.Storage.Disclosures;

/// <summary>How publishing went. Unknown case and not-a-party are one answer, so nobody learns that a case exists.</summary>
public enum PublishOutcome
{
    Published,
    NotFound,
    NotAPlatform,
    ObjectNotVisible,
    NeedsClearConfirmation,
}
