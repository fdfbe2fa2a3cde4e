namespace Vigil.Core.Events;

/// <summary>The kinds of <see cref="HubEvent"/>.</summary>
public static class HubEventKinds
{
    /// <summary>An envelope stored new object versions; payload <see cref="ObjectsShared"/>.</summary>
    public const string ObjectsShared = "objects-shared";
}
