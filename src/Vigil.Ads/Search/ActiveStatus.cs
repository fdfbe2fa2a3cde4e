namespace Vigil.Ads.Search;

/// <summary>Meta's <c>ad_active_status</c>.</summary>
public enum ActiveStatus
{
    All,
    Active,
    Inactive,
}
