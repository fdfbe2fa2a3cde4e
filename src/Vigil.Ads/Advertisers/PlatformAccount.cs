namespace Vigil.Ads.Advertisers;

/// <summary>A page or account the advertiser advertises from: <c>meta</c> page id, <c>snapchat</c> organisation, …</summary>
public sealed record PlatformAccount(string Platform, string AccountId, string? Name = null);
