namespace Vigil.Storage.Members;

/// <summary>A change the member store refused because it clashes with what is stored: a taken name or id, or an unknown reference.</summary>
public sealed class MemberConflictException : Exception
{
    public MemberConflictException()
    {
    }

    public MemberConflictException(string message)
        : base(message)
    {
    }

    public MemberConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
