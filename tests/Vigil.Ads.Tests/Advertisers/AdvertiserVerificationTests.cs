using Vigil.Ads.Advertisers;
using Vigil.Correlation.Observables;
using Vigil.Correlation.PublicSuffix;
using Vigil.Correlation.Sources;

namespace Vigil.Ads.Tests.Advertisers;

public sealed class AdvertiserVerificationTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static Advertiser New() => new()
    {
        Id = "adv-1",
        LegalName = "Friends of the Valley e.V.",
        Country = "DE",
        Disclaimer = "Friends of the Valley",
        Accounts = [new PlatformAccount("meta", "12345")],
    };

    [Fact]
    public void Reviewer_steps_are_recorded_in_order_with_notes()
    {
        var a = AdvertiserVerification.Transition(New(), VerificationState.DocumentsRequested, "rev-a", At, "ID scan unreadable");
        a = AdvertiserVerification.Transition(a, VerificationState.Submitted, "rev-a", At.AddDays(1));
        a = AdvertiserVerification.Transition(a, VerificationState.Verified, "rev-b", At.AddDays(2));
        Assert.True(a.IsEligible);
        a = AdvertiserVerification.Transition(a, VerificationState.Revoked, "rev-c", At.AddDays(3), "registration lapsed");

        Assert.False(a.IsEligible);
        Assert.Equal(
            [VerificationState.DocumentsRequested, VerificationState.Submitted, VerificationState.Verified, VerificationState.Revoked],
            a.History.Select(h => h.To));
        Assert.Equal("registration lapsed", a.History[^1].Notes);
        Assert.Equal("rev-c", a.History[^1].Reviewer);
        Assert.Contains("revoked", a.IneligibleReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Disallowed_step_or_rejection_without_notes_throws()
    {
        Assert.Throws<VerificationTransitionException>(() => AdvertiserVerification.Transition(New(), VerificationState.Revoked, "rev", At, "x"));
        Assert.Throws<VerificationTransitionException>(() => AdvertiserVerification.Transition(New(), VerificationState.Rejected, "rev", At));
    }

    [Fact]
    public void Platform_attestation_makes_the_advertiser_eligible_and_keeps_the_reference()
    {
        var a = AdvertiserVerification.Attest(New(), "snapchat", "SNAP-PA-778", At, "Snap political ads verification");
        Assert.True(a.IsEligible);
        Assert.Equal("SNAP-PA-778", a.Attestation!.Reference);
        Assert.Equal(VerificationState.Submitted, a.Verification);
    }

    [Fact]
    public void Advertiser_linked_to_a_state_media_label_is_blocked_with_the_reason()
    {
        var label = new StateMediaLabel
        {
            Host = "statenews.example",
            Outlet = "State News",
            Country = "RU",
            StateBody = "Ministry of Information",
            Control = StateControl.StateControlled,
            Provider = "test-provider",
            Accounts = [new ObservableKey(ObservableKind.Account, "meta", "999")],
        };
        var registry = new SourceRegistryBuilder(PublicSuffixList.LoadDebian()).AddStateMedia([label]).Build();
        var policy = new StateMediaPolicy(new SourceRegistryStateMediaLinks(registry));

        var bySite = policy.Apply(New() with { Websites = ["https://www.statenews.example/about"] }, At);
        var byAccount = policy.Apply(New() with { Accounts = [new PlatformAccount("meta", "999")] }, At);
        var clean = policy.Apply(New(), At);

        Assert.Contains("State News", bySite.Block!.Reason, StringComparison.Ordinal);
        Assert.Contains("meta:999", byAccount.Block!.Reason, StringComparison.Ordinal);
        Assert.Null(clean.Block);
        Assert.False(AdvertiserVerification.Attest(bySite, "meta", "M-1", At).IsEligible);
    }

    [Fact]
    public async Task In_memory_store_finds_the_advertiser_by_platform_account()
    {
        var store = new InMemoryAdvertiserStore();
        await store.SaveAsync(New(), CancellationToken.None);

        Assert.Equal("adv-1", (await store.FindByAccountAsync("META", "12345", CancellationToken.None))?.Id);
        Assert.Null(await store.FindByAccountAsync("meta", "nope", CancellationToken.None));
    }
}
