namespace Vigil.Core.Events;

/// <summary>The kinds of <see cref="HubEvent"/>.</summary>
public static class HubEventKinds
{
    /// <summary>An envelope stored new object versions; payload <see cref="ObjectsShared"/>.</summary>
    public const string ObjectsShared = "objects-shared";

    /// <summary>A member sent a request to others; payload <see cref="RequestEvent"/>.</summary>
    public const string RequestSent = "request-sent";

    /// <summary>A recipient answered a request; payload <see cref="RequestEvent"/>.</summary>
    public const string RequestAnswered = "request-answered";

    /// <summary>An administrator published a data-minimization policy version; payload <see cref="PolicyPublished"/>.</summary>
    public const string PolicyChanged = "policy-changed";

    /// <summary>The data-minimization policy refused a share; payload <see cref="ShareRefusal"/>.</summary>
    public const string ShareRefused = "share-refused";

    /// <summary>A platform published a takedown disclosure from a case; payload <see cref="DisclosureEvent"/>.</summary>
    public const string DisclosurePublished = "disclosure-published";

    /// <summary>Data was deleted by its author or erased by retention; payload <see cref="DataDeletion"/>.</summary>
    public const string DataDeleted = "data-deleted";
}
