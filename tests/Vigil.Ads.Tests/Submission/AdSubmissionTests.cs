using Vigil.Ads.Advertisers;
using Vigil.Ads.Import;
using Vigil.Ads.Search;
using Vigil.Ads.Submission;
using Vigil.Ads.Validation;

namespace Vigil.Ads.Tests.Submission;

public sealed class AdSubmissionTests
{
    [Fact]
    public async Task Bulk_submission_rejects_ads_of_unverified_or_blocked_advertisers_and_saves_the_rest()
    {
        var at = DateTimeOffset.UnixEpoch;
        var store = new InMemoryAdvertiserStore();
        var verified = AdvertiserVerification.Transition(
            new Advertiser { Id = "a1", LegalName = "A", Country = "DE", Disclaimer = "A", Accounts = [new("meta", "p-ok")] },
            VerificationState.Verified, "rev", at);
        await store.SaveAsync(verified, CancellationToken.None);
        await store.SaveAsync(new Advertiser { Id = "a2", LegalName = "B", Country = "DE", Disclaimer = "B", Accounts = [new("meta", "p-new")] }, CancellationToken.None);
        await store.SaveAsync(verified with { Id = "a3", Accounts = [new("meta", "p-blocked")], Block = new AdvertiserBlock("statenews.example is state media", at, "state-media") }, CancellationToken.None);
        var archive = new InMemoryAdArchive();
        var submission = new AdSubmission(store, archive, new AdValidator());
        var lines = string.Join("\n",
            """{"id":"1","platform":"meta","page_id":"p-ok","bylines":"A"}""",
            """{"id":"2","platform":"meta","page_id":"p-new","bylines":"B"}""",
            """{"id":"3","platform":"meta","page_id":"p-blocked","bylines":"A"}""",
            """{"id":"4","platform":"meta","page_id":"p-unknown","bylines":"A"}""",
            """{"id":"5","platform":"meta","page_id":"p-ok"}""",
            """{"id":"6","platform":"meta","page_id":"p-ok","bylines":"A","spend":{"lower_bound":"9","upper_bound":"1"},"currency":"EUR"}""",
            """{"id":"7","platform":"meta","page_id":"p-ok","bylines":"A"}""");

        var summary = await submission.SubmitAsync(
            new AdImporter().ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(lines)), new AdImportOptions()), CancellationToken.None);

        Assert.Equal(2, summary.Created);
        Assert.Equal(5, summary.Rejections.Count);
        Assert.Equal([2, 3, 4, 5, 6], summary.Rejections.Select(r => r.Row));
        Assert.Contains("neither verified nor attested", summary.Rejections[0].Reason, StringComparison.Ordinal);
        Assert.Contains("blocked", summary.Rejections[1].Reason, StringComparison.Ordinal);
        Assert.Equal("advertiser", summary.Rejections[2].Field);
        Assert.Equal("bylines", summary.Rejections[3].Field);
        Assert.Equal("spend", summary.Rejections[4].Field);
        Assert.Equal("a1", (await archive.GetAsync("meta", "7", CancellationToken.None))!.AdvertiserId);
    }
}
