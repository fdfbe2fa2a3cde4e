namespace Vigil.Ads.Model;

/// <summary>
/// One targeting parameter the advertiser used (DSA Art. 39(2)(e)): e.g. <c>Gender</c> = <c>FEMALE</c>, <c>Regions</c> =
/// <c>Texas</c> (included) or <c>Postal Codes</c> = <c>10001</c> (excluded).
/// </summary>
public sealed record TargetingCriterion(string Name, string Value, bool Included = true);
