namespace Vigil.Storage.Cases;

/// <summary>Requests a member received (inbox) or sent (outbox).</summary>
public enum RequestBox
{
    Inbox,
    Outbox,
}
