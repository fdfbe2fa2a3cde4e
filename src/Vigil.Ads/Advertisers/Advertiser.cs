namespace Vigil.Ads.Advertisers;

/// <summary>
/// A political advertiser registered with the hub. Eligible to run political ads when verified by the hub's reviewers or
/// attested by a platform, and not blocked (see <see cref="IsEligible"/>).
/// </summary>
public sealed record Advertiser
{
    public required string Id { get; init; }
    public required string LegalName { get; init; }

    /// <summary>ISO 3166-1 alpha-2 code of the country of registration.</summary>
    public required string Country { get; init; }

    public string? Address { get; init; }
    public string? Contact { get; init; }

    /// <summary>The authorized "paid for by" text; an ad's byline must be this disclaimer.</summary>
    public required string Disclaimer { get; init; }

    public string? Payer { get; init; }
    public string? Beneficiary { get; init; }
    public IReadOnlyList<PlatformAccount> Accounts { get; init; } = [];

    /// <summary>Websites the advertiser names as its own; checked against state-media labels.</summary>
    public IReadOnlyList<string> Websites { get; init; } = [];

    public VerificationState Verification { get; init; } = VerificationState.Submitted;
    public IReadOnlyList<VerificationEvent> History { get; init; } = [];
    public PlatformAttestation? Attestation { get; init; }
    public AdvertiserBlock? Block { get; init; }

    /// <summary>Verified or attested, never revoked or rejected after an attestation, and not blocked.</summary>
    public bool IsEligible => Block is null && (Verification == VerificationState.Verified
        || (Attestation is not null && Verification is not (VerificationState.Revoked or VerificationState.Rejected)));

    /// <summary>Why <see cref="IsEligible"/> is false, or null when it is true.</summary>
    public string? IneligibleReason => Block is not null
        ? "advertiser is blocked from political ads: " + Block.Reason
        : IsEligible ? null
        : Verification is VerificationState.Revoked or VerificationState.Rejected
            ? $"advertiser verification is {Verification.ToString().ToLowerInvariant()}"
            : $"advertiser is neither verified nor attested by a platform (verification: {Verification})";
}
