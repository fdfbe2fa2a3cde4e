namespace Vigil.Storage.Cases;

/// <summary>Filters for listing and counting the cases a reader is party to; newest first.</summary>
public sealed record CaseQuery
{
    public CaseStatus? Status { get; init; }
    public CaseType? Type { get; init; }
    public string? ElectionId { get; init; }
    public int Limit { get; init; } = 100;
}
