namespace Vigil.Storage.Privacy;

/// <summary>The policy changed since the version an edit was based on; nothing was stored.</summary>
public sealed class PolicyConflictException : Exception
{
    public PolicyConflictException()
    {
    }

    public PolicyConflictException(string message)
        : base(message)
    {
    }

    public PolicyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
