namespace Vigil.Ads.Advertisers;

/// <summary>Where an advertiser's identity check stands with the hub's reviewers.</summary>
public enum VerificationState
{
    Submitted,
    DocumentsRequested,
    Verified,
    Rejected,
    Revoked,
}
