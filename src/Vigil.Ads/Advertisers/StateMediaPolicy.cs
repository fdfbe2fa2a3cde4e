namespace Vigil.Ads.Advertisers;

/// <summary>Policy: an advertiser linked to a state-affiliated media label may not run political ads. The block records why.</summary>
public sealed class StateMediaPolicy(IStateMediaLinks links)
{
    public const string PolicyName = "state-media";

    /// <summary>Returns the advertiser blocked with the reason when a label applies; otherwise unchanged.</summary>
    public Advertiser Apply(Advertiser advertiser, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(advertiser);
        var found = links.Find(advertiser);
        if (found.Count == 0)
        {
            return advertiser;
        }

        var reasons = string.Join("; ", found.Select(l =>
            $"{l.MatchedOn} is labelled state-affiliated media ({l.Outlet}, {l.Country}, {l.StateBody}; source: {l.Provider})"));
        return advertiser with { Block = new AdvertiserBlock(reasons, at, PolicyName) };
    }
}
