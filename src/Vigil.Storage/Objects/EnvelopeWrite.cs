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

    /// <summary>
    /// The data-minimization policy every object must pass for the sectors its audience reaches; null skips the check
    /// (the hub's own writes, such as the demo seed). Member writes through TAXII and REST always pass the one in force.
    /// </summary>
    public Vigil.Core.Privacy.DataPolicy? Policy { get; init; }
}
