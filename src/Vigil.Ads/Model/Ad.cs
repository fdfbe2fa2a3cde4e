namespace Vigil.Ads.Model;

/// <summary>
/// One political ad as archived. Optional fields that the platform did not report stay null (or empty lists): nothing is invented.
/// Ads are versioned (<see cref="Version"/>) and never deleted; a takedown is a <see cref="Takedown"/> mark.
/// </summary>
public sealed record Ad
{
    /// <summary>The platform's own id for the ad (Meta's Ad Library id, Snap's <c>ADID</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Member platform that submitted the ad, lower case: <c>meta</c>, <c>snapchat</c>, <c>youtube</c>, …</summary>
    public required string Platform { get; init; }

    /// <summary>Hub advertiser id, once the ad is linked to a registered advertiser.</summary>
    public string? AdvertiserId { get; init; }

    /// <summary>Name of the account that placed the ad (Snap's <c>OrganizationName</c>), when it differs from the page.</summary>
    public string? AdvertiserName { get; init; }

    public string? PageId { get; init; }
    public string? PageName { get; init; }

    /// <summary>The "paid for by" disclaimer shown with the ad (Meta <c>bylines</c>, formerly <c>funding_entity</c>).</summary>
    public string? Byline { get; init; }

    /// <summary>Who paid and who benefits (DSA Art. 39(2)(b)–(c)), when reported separately from the byline.</summary>
    public string? Payer { get; init; }

    public string? Beneficiary { get; init; }

    public IReadOnlyList<string> CreativeBodies { get; init; } = [];
    public IReadOnlyList<string> LinkTitles { get; init; } = [];
    public IReadOnlyList<string> LinkCaptions { get; init; } = [];
    public IReadOnlyList<string> LinkDescriptions { get; init; } = [];
    public IReadOnlyList<string> LandingUrls { get; init; } = [];

    /// <summary>Media kept by hash, in text form <c>algorithm:hex</c> (e.g. <c>pdq:…</c> for images, <c>sha256:…</c>).</summary>
    public IReadOnlyList<string> MediaHashes { get; init; } = [];

    /// <summary>Where the platform serves the creative (Snap's <c>CreativeUrl</c>); the hub keeps the hash, this is the pointer.</summary>
    public IReadOnlyList<string> MediaUrls { get; init; } = [];

    /// <summary>ISO 639-1 codes, lower case.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Surfaces the ad ran on, upper case as in Meta's <c>publisher_platforms</c> (<c>FACEBOOK</c>, <c>SNAPCHAT</c>, …).</summary>
    public IReadOnlyList<string> PublisherPlatforms { get; init; } = [];

    /// <summary>ISO 3166-1 alpha-2 codes of the countries reached, upper case.</summary>
    public IReadOnlyList<string> ReachedCountries { get; init; } = [];

    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? DeliveryStart { get; init; }
    public DateTimeOffset? DeliveryStop { get; init; }

    public Bounds? Spend { get; init; }

    /// <summary>ISO 4217 code of <see cref="Spend"/>.</summary>
    public string? Currency { get; init; }

    public Bounds? Impressions { get; init; }
    public Bounds? EstimatedAudienceSize { get; init; }

    public IReadOnlyList<DemographicShare> Demographics { get; init; } = [];
    public IReadOnlyList<RegionShare> Regions { get; init; } = [];
    public IReadOnlyList<TargetingCriterion> Targeting { get; init; } = [];

    /// <summary>Issue or topic labels (e.g. <c>immigration</c>, <c>health</c>).</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    public string? SnapshotUrl { get; init; }
    public int Version { get; init; } = 1;
    public Takedown? Takedown { get; init; }

    /// <summary>True while the ad is delivering at <paramref name="now"/> (started and not yet stopped).</summary>
    public bool IsActive(DateTimeOffset now) =>
        (DeliveryStart is null || DeliveryStart <= now) && (DeliveryStop is null || DeliveryStop >= now);
}
