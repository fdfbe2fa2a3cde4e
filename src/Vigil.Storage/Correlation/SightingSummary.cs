namespace Vigil.Storage.Correlation;

/// <summary>"Seen by <see cref="Members"/> members, <see cref="Count"/> times" over the visible, unrevoked sightings of an object.</summary>
public sealed record SightingSummary
{
    public static SightingSummary None { get; } = new();

    /// <summary>Distinct organizations that authored a sighting.</summary>
    public int Members { get; init; }

    /// <summary>Sum of the sightings' <c>count</c> (1 when a sighting gives none).</summary>
    public long Count { get; init; }

    /// <summary>Number of sighting objects.</summary>
    public int Sightings { get; init; }
    public DateTime? FirstSeen { get; init; }
    public DateTime? LastSeen { get; init; }
}
