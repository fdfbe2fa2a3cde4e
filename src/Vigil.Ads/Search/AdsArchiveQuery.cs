using Vigil.Ads.Json;

namespace Vigil.Ads.Search;

/// <summary>
/// An <c>ads_archive</c> query with Meta's parameters. Empty lists mean "no filter"; list filters match when the ad has any of
/// the values. <see cref="Fields"/> defaults to <c>id</c> only, as Meta's does.
/// </summary>
public sealed record AdsArchiveQuery
{
    public string? SearchTerms { get; init; }
    public SearchType SearchType { get; init; } = SearchType.KeywordUnordered;

    /// <summary><c>ad_type</c>; the archive holds political and issue ads, so other types match nothing.</summary>
    public string AdType { get; init; } = "POLITICAL_AND_ISSUE_ADS";

    public IReadOnlyList<string> ReachedCountries { get; init; } = [];
    public ActiveStatus ActiveStatus { get; init; } = ActiveStatus.Active;
    public DateOnly? DeliveryDateMin { get; init; }
    public DateOnly? DeliveryDateMax { get; init; }
    public IReadOnlyList<string> PageIds { get; init; } = [];
    public IReadOnlyList<string> Bylines { get; init; } = [];
    public IReadOnlyList<string> Languages { get; init; } = [];
    public IReadOnlyList<string> PublisherPlatforms { get; init; } = [];
    public IReadOnlyList<string> Regions { get; init; } = [];
    public long? AudienceSizeMin { get; init; }
    public long? AudienceSizeMax { get; init; }
    public AdField Fields { get; init; } = AdField.Id;
    public int Limit { get; init; } = AdsArchiveQueryParser.DefaultLimit;

    /// <summary><c>sort</c>, a Vigil extension; the archive order by default.</summary>
    public AdSort Sort { get; init; } = AdSort.Newest;
    public string? After { get; init; }
}
