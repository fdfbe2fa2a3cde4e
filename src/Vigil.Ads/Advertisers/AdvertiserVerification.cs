namespace Vigil.Ads.Advertisers;

/// <summary>
/// The reviewers' verification workflow. Allowed steps: submitted → documents requested | verified | rejected;
/// documents requested → submitted (documents supplied) | verified | rejected; verified → revoked;
/// rejected | revoked → submitted (a new application). Every step is recorded in the history.
/// </summary>
public static class AdvertiserVerification
{
    public static bool IsAllowed(VerificationState from, VerificationState to) => (from, to) switch
    {
        (VerificationState.Submitted, VerificationState.DocumentsRequested or VerificationState.Verified or VerificationState.Rejected) => true,
        (VerificationState.DocumentsRequested, VerificationState.Submitted or VerificationState.Verified or VerificationState.Rejected) => true,
        (VerificationState.Verified, VerificationState.Revoked) => true,
        (VerificationState.Rejected or VerificationState.Revoked, VerificationState.Submitted) => true,
        _ => false,
    };

    /// <summary>Moves the advertiser to <paramref name="to"/>; throws <see cref="VerificationTransitionException"/> for a step not allowed.</summary>
    public static Advertiser Transition(Advertiser advertiser, VerificationState to, string reviewer, DateTimeOffset at, string? notes = null)
    {
        ArgumentNullException.ThrowIfNull(advertiser);
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        if (!IsAllowed(advertiser.Verification, to))
        {
            throw new VerificationTransitionException(
                $"Advertiser {advertiser.Id}: cannot go from {advertiser.Verification} to {to}.");
        }

        if (to is VerificationState.Rejected or VerificationState.Revoked or VerificationState.DocumentsRequested && string.IsNullOrWhiteSpace(notes))
        {
            throw new VerificationTransitionException($"Advertiser {advertiser.Id}: {to} needs reviewer notes saying why.");
        }

        return advertiser with
        {
            Verification = to,
            History = [.. advertiser.History, new VerificationEvent(advertiser.Verification, to, reviewer, at, notes)],
        };
    }

    /// <summary>Records a platform's attestation under its own process, with the platform's reference.</summary>
    public static Advertiser Attest(Advertiser advertiser, string platform, string reference, DateTimeOffset at, string? process = null)
    {
        ArgumentNullException.ThrowIfNull(advertiser);
        ArgumentException.ThrowIfNullOrWhiteSpace(platform);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        return advertiser with { Attestation = new PlatformAttestation(platform, reference, at, process) };
    }
}
