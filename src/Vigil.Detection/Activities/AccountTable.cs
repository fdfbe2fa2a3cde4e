namespace Vigil.Detection.Activities;

/// <summary>Per-account attributes, indexed by the dense account number used in <see cref="ActivityTable.Account"/>.</summary>
public sealed class AccountTable
{
    public const long UnknownTime = long.MinValue;

    public required string[] Ids { get; init; }
    public required string?[] Handles { get; init; }
    /// <summary>Unix seconds, or <see cref="UnknownTime"/>.</summary>
    public required long[] CreatedAt { get; init; }
    /// <summary>Follower count, or -1 when not known.</summary>
    public required int[] Followers { get; init; }
    public required string?[] Locations { get; init; }
    /// <summary>The platform of the account's first activity that named one.</summary>
    public required string?[] Platforms { get; init; }

    public int Count => Ids.Length;

    public string Label(int account) => Handles[account] is { Length: > 0 } handle ? handle : Ids[account];
}
