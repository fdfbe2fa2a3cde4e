using System.Text.Json;
using Vigil.Ads.Advertisers;
using Vigil.Storage.Ads;
using Vigil.Storage.Database;

namespace Vigil.Storage.Tests.Ads;

/// <summary>The SQL advertiser store keeps everything the in-memory one does; run on SQLite and PostgreSQL by the subclasses.</summary>
public abstract class AdvertiserStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 9, 1, 10, 0, 0, TimeSpan.Zero);

    private VigilDatabase _database = null!;
    private SqlAdvertiserStore _store = null!;

    protected abstract Task<StorageOptions> StorageAsync();

    public async Task InitializeAsync()
    {
        _database = new VigilDatabase(await StorageAsync());
        await _database.MigrateAsync(SchemaMigrations.All);
        _store = new SqlAdvertiserStore(_database);
    }

    public virtual async Task DisposeAsync() => await _database.DisposeAsync();

    private static Advertiser Valley() => new()
    {
        Id = "advertiser--valley",
        LegalName = "Friends of the Valley e.V.",
        Country = "DE",
        Address = "Talstraße 1, Musterstadt",
        Disclaimer = "Friends of the Valley",
        Payer = "Friends of the Valley e.V.",
        Accounts = [new PlatformAccount("youtube", "UCvalley", "Valley"), new PlatformAccount("meta", "1234")],
        Websites = ["valley.example"],
    };

    private static string Json(Advertiser? a) => JsonSerializer.Serialize(a);

    [Fact]
    public async Task Saved_advertiser_reads_back_whole_by_id_and_by_each_account()
    {
        var advertiser = AdvertiserVerification.Transition(
            AdvertiserVerification.Attest(Valley(), "youtube", "yt-4711", At, "v3"), VerificationState.DocumentsRequested, "reviewer-1", At, "send the registry extract")
            with { Block = new AdvertiserBlock("valley.example is labelled state-affiliated media", At, StateMediaPolicy.PolicyName) };
        await _store.SaveAsync(advertiser, CancellationToken.None);

        Assert.Equal(Json(advertiser), Json(await _store.GetAsync(advertiser.Id, CancellationToken.None)));
        Assert.Equal(Json(advertiser), Json(await _store.FindByAccountAsync("YouTube", "UCvalley", CancellationToken.None)));
        Assert.Equal(Json(advertiser), Json(await _store.FindByAccountAsync("meta", "1234", CancellationToken.None)));
        Assert.Null(await _store.FindByAccountAsync("meta", "UCvalley", CancellationToken.None));
        Assert.Null(await _store.GetAsync("advertiser--none", CancellationToken.None));
        Assert.False((await _store.GetAsync(advertiser.Id, CancellationToken.None))!.IsEligible);
    }

    [Fact]
    public async Task Saving_again_replaces_the_advertiser_and_moves_an_account_to_its_new_owner()
    {
        await _store.SaveAsync(Valley(), CancellationToken.None);
        var verified = AdvertiserVerification.Transition(Valley(), VerificationState.Verified, "reviewer-1", At);
        await _store.SaveAsync(verified, CancellationToken.None);
        Assert.True((await _store.GetAsync(verified.Id, CancellationToken.None))!.IsEligible);

        var other = Valley() with { Id = "advertiser--other", Accounts = [new PlatformAccount("meta", "1234")] };
        await _store.SaveAsync(other, CancellationToken.None);
        Assert.Equal("advertiser--other", (await _store.FindByAccountAsync("meta", "1234", CancellationToken.None))!.Id);
        Assert.Equal("advertiser--valley", (await _store.FindByAccountAsync("youtube", "UCvalley", CancellationToken.None))!.Id);
    }
}
