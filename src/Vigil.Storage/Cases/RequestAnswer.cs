namespace Vigil.Storage.Cases;

/// <summary>How sending or answering a request went.</summary>
public enum RequestAnswer
{
    Done,
    NotFound,
    NotARecipient,
    Closed,
}
