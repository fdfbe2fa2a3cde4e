namespace Vigil.Storage.Objects;

/// <summary>
/// The outcome of <see cref="IObjectStore.AddEnvelopeAsync"/>: either every object was stored (or was already
/// there) and <see cref="Status"/> says so, or nothing was stored and <see cref="Failures"/> says why.
/// </summary>
public sealed record EnvelopeResult
{
    public EnvelopeStatus? Status { get; init; }
    public IReadOnlyList<ObjectFailure> Failures { get; init; } = [];

    public bool Stored => Status is not null;
}
