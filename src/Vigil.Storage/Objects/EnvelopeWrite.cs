using Vigil.Core.Members;
using Vigil.Core.Sharing;

namespace Vigil.Storage.Objects;

/// <summary>An envelope to store in one transaction: every object or none.</summary>
public sealed record EnvelopeWrite
{
    /// <summary>Who posts: a member organization (its user or API key) allowed to write <see cref="Collection"/>.</summary>
    public required Reader Writer { get; init; }
    public required Collection Collection { get; init; }
    public required IReadOnlyList<ObjectSubmission> Objects { get; init; }
    public string StatusId { get; init; } = Guid.NewGuid().ToString();
}
