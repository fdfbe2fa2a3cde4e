namespace Vigil.Storage.Cases;

/// <summary>Open until every recipient has responded (answered); the sender may close it at any time.</summary>
public enum RequestStatus
{
    Open,
    Answered,
    Closed,
}
