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

    [Fact]
    public async Task A_large_submission_is_saved_in_batches_and_looks_each_advertiser_up_once()
    {
        var at = DateTimeOffset.UnixEpoch;
        var store = new CountingAdvertiserStore();
        await store.SaveAsync(AdvertiserVerification.Transition(
            new Advertiser { Id = "a1", LegalName = "A", Country = "DE", Disclaimer = "A", Accounts = [new("meta", "p1"), new("meta", "p2")] },
            VerificationState.Verified, "rev", at), CancellationToken.None);
        var archive = new BatchRecordingArchive();
        var ads = AdSubmission.BatchSize + (AdSubmission.BatchSize / 2);
        var lines = Enumerable.Range(1, ads)
            .Select(i => $$"""{"id":"{{i}}","platform":"meta","page_id":"p{{1 + (i % 2)}}","bylines":"A","ad_creative_bodies":["first"]}""")
            .Append("""{"id":"1","platform":"meta","page_id":"p2","bylines":"A","ad_creative_bodies":["second"]}""")
            .Append("""{"id":"2","platform":"meta","page_id":"p1","bylines":"A","ad_creative_bodies":["first"]}""");

        var summary = await new AdSubmission(store, archive, new AdValidator()).SubmitAsync(
            new AdImporter().ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines))), new AdImportOptions()),
            CancellationToken.None);

        Assert.Equal((ads, 1, 1), (summary.Created, summary.NewVersions, summary.Unchanged));
        Assert.Empty(summary.Rejections);
        Assert.Equal([AdSubmission.BatchSize, (AdSubmission.BatchSize / 2) + 2], archive.Batches);
        Assert.Equal(2, store.Lookups);
        var versions = await archive.GetVersionsAsync("meta", "1", CancellationToken.None);
        Assert.Equal(["first", "second"], versions.Select(v => v.CreativeBodies.Single()));
    }

    [Fact]
    public async Task A_batch_that_fails_to_save_fails_the_submission_after_the_batches_before_it_are_stored()
    {
        var store = new CountingAdvertiserStore();
        await store.SaveAsync(AdvertiserVerification.Transition(
            new Advertiser { Id = "a1", LegalName = "A", Country = "DE", Disclaimer = "A", Accounts = [new("meta", "p1")] },
            VerificationState.Verified, "rev", DateTimeOffset.UnixEpoch), CancellationToken.None);
        var archive = new BatchRecordingArchive { FailingBatch = 2 };
        var lines = Enumerable.Range(1, (AdSubmission.BatchSize * 3) + 1)
            .Select(i => $$"""{"id":"{{i}}","platform":"meta","page_id":"p1","bylines":"A"}""");

        var failure = await Assert.ThrowsAsync<IOException>(() => new AdSubmission(store, archive, new AdValidator()).SubmitAsync(
            new AdImporter().ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines))), new AdImportOptions()),
            CancellationToken.None));

        Assert.Equal("disk full", failure.Message);
        Assert.Equal([AdSubmission.BatchSize, AdSubmission.BatchSize], archive.Batches);
        Assert.NotNull(await archive.GetAsync("meta", AdSubmission.BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None));
        Assert.Null(await archive.GetAsync("meta", (AdSubmission.BatchSize + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None));
    }

    private sealed class CountingAdvertiserStore : IAdvertiserStore
    {
        private readonly InMemoryAdvertiserStore _inner = new();

        public int Lookups { get; private set; }

        public ValueTask<Advertiser?> GetAsync(string id, CancellationToken cancellationToken)
        {
            Lookups++;
            return _inner.GetAsync(id, cancellationToken);
        }

        public ValueTask<Advertiser?> FindByAccountAsync(string platform, string accountId, CancellationToken cancellationToken)
        {
            Lookups++;
            return _inner.FindByAccountAsync(platform, accountId, cancellationToken);
        }

        public ValueTask SaveAsync(Advertiser advertiser, CancellationToken cancellationToken) => _inner.SaveAsync(advertiser, cancellationToken);
    }

    private sealed class BatchRecordingArchive : IAdArchive
    {
        private readonly InMemoryAdArchive _inner = new();

        public List<int> Batches { get; } = [];

        public int? FailingBatch { get; init; }

        public ValueTask<AdSaveResult> SaveAsync(Vigil.Ads.Model.Ad ad, CancellationToken cancellationToken) => throw new InvalidOperationException("A submission saves in batches.");

        public Task<IReadOnlyList<AdSaveResult>> SaveManyAsync(IReadOnlyList<Vigil.Ads.Model.Ad> ads, CancellationToken cancellationToken)
        {
            Batches.Add(ads.Count);
            if (Batches.Count == FailingBatch)
            {
                throw new IOException("disk full");
            }

            return _inner.SaveManyAsync(ads, cancellationToken);
        }

        public ValueTask<Vigil.Ads.Model.Ad?> GetAsync(string platform, string id, CancellationToken cancellationToken) => _inner.GetAsync(platform, id, cancellationToken);

        public ValueTask<IReadOnlyList<Vigil.Ads.Model.Ad>> GetVersionsAsync(string platform, string id, CancellationToken cancellationToken) =>
            _inner.GetVersionsAsync(platform, id, cancellationToken);

        public ValueTask<bool> TakeDownAsync(string platform, string id, Vigil.Ads.Model.Takedown takedown, CancellationToken cancellationToken) =>
            _inner.TakeDownAsync(platform, id, takedown, cancellationToken);

        public ValueTask<AdSearchPage> SearchAsync(AdsArchiveQuery query, DateTimeOffset now, CancellationToken cancellationToken) =>
            _inner.SearchAsync(query, now, cancellationToken);

        public IAsyncEnumerable<Vigil.Ads.Model.Ad> StreamAsync(AdsArchiveQuery query, DateTimeOffset now, CancellationToken cancellationToken) =>
            _inner.StreamAsync(query, now, cancellationToken);
    }
}
