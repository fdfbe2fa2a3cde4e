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

}
