namespace Vigil.Storage.Cases;

/// <summary>What a recipient did about a request.</summary>
public enum ResponseActionKind
{
    AccountsRemoved,
    ContentLabeled,
    ContentReduced,
    AdsRejected,
    NoAction,
}
