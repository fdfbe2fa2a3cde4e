namespace Vigil.Storage.Cases;

/// <summary>An election on the calendar: any country, optionally a region within it, on a date.</summary>
public sealed record Election
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Country { get; init; }
    public string? Region { get; init; }
    public required DateOnly Date { get; init; }
    public required string CreatedByOrg { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
