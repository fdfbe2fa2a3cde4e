namespace Vigil.Ads.Search;

/// <summary>What saving an ad did: a new ad, a new version of a known one, or nothing (identical resubmission).</summary>
public enum AdSaveResult
{
    Created,
    NewVersion,
    Unchanged,
}
