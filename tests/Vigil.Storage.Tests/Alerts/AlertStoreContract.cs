using System.Text.Json;
using Vigil.Core.Events;
using Vigil.Correlation.Watchlists;
using Vigil.Storage.Alerts;
using Vigil.Storage.Database;
using Vigil.Storage.Objects;
using Vigil.Storage.Tests.Objects;
using static Vigil.Storage.Tests.Objects.StixSamples;

namespace Vigil.Storage.Tests.Alerts;

/// <summary>The event outbox, watchlists, alert inbox and webhook queue on SQLite and PostgreSQL.</summary>
public abstract class AlertStoreContract : IAsyncLifetime
{
    private StoreHarness _x = null!;
    private SqlEventOutbox _outbox = null!;
    private SqlObjectStore _objects = null!;

    protected abstract Task<StorageOptions> StorageAsync();

    public async Task InitializeAsync()
    {
        _x = await StoreHarness.OpenAsync(await StorageAsync());
        _outbox = new SqlEventOutbox(_x.Database);
        _objects = new SqlObjectStore(_x.Database, _x.Members, indexers: [new OutboxIndexer(_outbox)]);
    }

    public virtual async Task DisposeAsync() => await _x.DisposeAsync();

    [Fact]
    public async Task A_stored_envelope_writes_one_event_and_a_refused_one_writes_none()
    {
        var org = await _x.OrgAsync("Platform A");
        var other = await _x.OrgAsync("Platform B");
        var collection = await _x.CollectionAsync([org, other]);
        var id = NewId("indicator");
        var before = await _outbox.LastIdAsync();

        var stored = await _objects.AddEnvelopeAsync(new EnvelopeWrite { Writer = await _x.ReaderAsync(org), Collection = collection, Objects = [Indicator(id, 1), Indicator()] });
        var refused = await _objects.AddEnvelopeAsync(new EnvelopeWrite
        {
            Writer = await _x.ReaderAsync(other), Collection = collection, Objects = [Indicator(), Indicator(id, 2)],
        });

        Assert.True(stored.Stored);
        Assert.False(refused.Stored);
        var events = await _outbox.ReadAfterAsync(before, 100);
        var only = Assert.Single(events);
        Assert.Equal(HubEventKinds.ObjectsShared, only.Kind);
        var shared = JsonSerializer.Deserialize<ObjectsShared>(only.Payload)!;
        Assert.Equal((collection.Id, 2), (shared.CollectionId, shared.Count));
        var range = await _objects.ReadRangeAsync(collection.Id, shared.FirstSeq, shared.LastSeq);
        Assert.Equal(2, range.Count);
        Assert.All(range, o => Assert.NotNull(o.Json));
    }

    [Fact]
    public async Task Cursors_are_kept_per_consumer()
    {
        await _outbox.SetCursorAsync("one", 7);
        await _outbox.SetCursorAsync("one", 9);
        Assert.Equal(9, await _outbox.GetCursorAsync("one"));
        Assert.Equal(0, await _outbox.GetCursorAsync("two"));
    }

    [Fact]
    public async Task Watchlists_round_trip_and_belong_to_their_member()
    {
        var store = new SqlWatchlistStore(_x.Database);
        var version = store.Version;
        var created = await store.CreateAsync("org-a", "user-1", "Results sites", new WatchlistSubscription
        {
            Id = string.Empty, SubscriberId = string.Empty,
            Values = [Vigil.Correlation.Observables.ObservableKey.Parse("domain:vote-example.com")], Types = ["indicator"], Patterns = ["[url:value = 'https://x.example/']"],
            CorrelatedWithOwnShares = true,
        });

        Assert.NotEqual(version, store.Version);
        var read = Assert.Single(await store.ListAsync("org-a"));
        Assert.Equal(created.Id, read.Subscription.Id);
        Assert.Equal("org-a", read.Subscription.SubscriberId);
        Assert.Equal("domain:vote-example.com", Assert.Single(read.Subscription.Values).ToString());
        Assert.True(read.Subscription.CorrelatedWithOwnShares);
        Assert.Empty(await store.ListAsync("org-b"));
        Assert.Null(await store.GetAsync("org-b", created.Id));
        Assert.False(await store.DeleteAsync("org-b", created.Id));
        Assert.True(await store.DeleteAsync("org-a", created.Id));
        Assert.Empty(await store.ListAllAsync());
    }

    [Fact]
    public async Task An_alert_is_stored_once_with_one_delivery_per_webhook_and_the_queue_claims_retries_and_dead_letters()
    {
        var alerts = new SqlAlertStore(_x.Database);
        var hooks = new SqlWebhookStore(_x.Database);
        var (first, _) = await hooks.CreateAsync("org-a", new Uri("https://receiver.example/one"));
        await hooks.CreateAsync("org-a", new Uri("https://receiver.example/two"));
        var alert = new NewAlert("org-a", "watchlist--1", 5, "c1", "indicator--1", "indicator", 42, ["value"]);

        var stored = await alerts.AddAsync([alert, alert with { OrgId = "org-b", WatchlistId = "watchlist--2" }], a => $"{{\"id\":{a.Id}}}");
        var again = await alerts.AddAsync([alert], a => "{}");

        Assert.Equal(2, stored.Count);
        Assert.Empty(again);
        Assert.Single(await alerts.ListAsync("org-a", 0, 10));
        Assert.Equal(1, await alerts.CountUnreadAsync("org-a"));
        Assert.False(await alerts.MarkReadAsync("org-b", stored[0].Id));
        Assert.True(await alerts.MarkReadAsync("org-a", stored[0].Id));
        Assert.Empty(await alerts.ListAsync("org-a", 0, 10, unreadOnly: true));

        var claimed = await hooks.ClaimDueAsync(10, TimeSpan.FromMinutes(1));
        Assert.Equal(2, claimed.Count);
        Assert.All(claimed, d => Assert.Equal($"{{\"id\":{stored[0].Id}}}", d.Body));
        Assert.Empty(await hooks.ClaimDueAsync(10, TimeSpan.FromMinutes(1)));

        var toFirst = claimed.Single(d => d.WebhookId == first.Id);
        await hooks.RecordAsync(toFirst.Id, 1, WebhookDeliveryStatus.Dead, null, "HTTP 500 after 1 attempts");
        var dead = Assert.Single((await hooks.DeliveriesAsync("org-a", first.Id, WebhookDeliveryStatus.Dead, 10))!);
        Assert.Equal("HTTP 500 after 1 attempts", dead.LastError);
        Assert.Null(await hooks.DeliveriesAsync("org-b", first.Id, null, 10));
        Assert.False(await hooks.RedeliverAsync("org-b", toFirst.Id));
        Assert.True(await hooks.RedeliverAsync("org-a", toFirst.Id));
        Assert.Equal(toFirst.Id, Assert.Single(await hooks.ClaimDueAsync(10, TimeSpan.FromMinutes(1))).Id);
    }
}
