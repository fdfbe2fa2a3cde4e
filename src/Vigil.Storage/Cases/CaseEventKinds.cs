namespace Vigil.Storage.Cases;

/// <summary>The kinds of timeline entries.</summary>
public static class CaseEventKinds
{
    public const string Opened = "opened";
    public const string StatusChanged = "status-changed";
    public const string Assigned = "assigned";
    public const string PartyAdded = "party-added";
    public const string Commented = "commented";
    public const string Attached = "attached";
    public const string AdPageNamed = "ad-page-named";
}
