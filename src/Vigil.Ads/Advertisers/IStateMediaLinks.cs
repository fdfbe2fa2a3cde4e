namespace Vigil.Ads.Advertisers;

/// <summary>
/// Finds state-affiliated media labels that apply to an advertiser (its websites, its platform accounts). The source registry
/// implements it through <see cref="SourceRegistryStateMediaLinks"/>; a database-backed registry can implement it directly.
/// </summary>
public interface IStateMediaLinks
{
    IReadOnlyList<StateMediaLink> Find(Advertiser advertiser);
}
