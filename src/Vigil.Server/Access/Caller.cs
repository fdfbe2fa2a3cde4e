using Vigil.Core.Members;
using Vigil.Core.Sharing;

namespace Vigil.Server.Access;

/// <summary>
/// Who signed in for this request: the organization, the user (a password, or a key bound to a user) and the API
/// key when one was used. A key's collection scopes narrow what its organization may do; they never widen it.
/// </summary>
public sealed record Caller
{
    public required Reader Reader { get; init; }
    public required Organization Organization { get; init; }
    public UserAccount? User { get; init; }
    public ApiKey? Key { get; init; }

    public UserRole? Role => User?.Role;

    public bool IsHubAdmin => User?.Role == UserRole.HubAdmin;

    public bool CanRead(Collection collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        return collection.CanRead(Reader) && KeyAllowsRead(collection.Id);
    }

    public bool CanWrite(Collection collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        return collection.CanWrite(Reader)
            && (Key is null || (Key.CanWrite && (Key.WriteCollections.Count == 0 || Key.WriteCollections.Contains(collection.Id))));
    }

    /// <summary>A key scoped to some collections reads those (and those it may write); an unscoped key reads what its organization reads.</summary>
    public bool KeyAllowsRead(string collectionId) =>
        Key is null || Key.ReadCollections.Count == 0 || Key.ReadCollections.Contains(collectionId) || Key.WriteCollections.Contains(collectionId);
}
