using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Hosting;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Access;

/// <summary>
/// One keyed rate limit covers every public, no-login endpoint: an anonymous address that used its bucket on the takedown
/// disclosures is refused by the lookup and the transparency statistics too, while an API key keeps its own bucket.
/// </summary>
public sealed class PublicRateLimitTests : IAsyncLifetime
{
    private const int Limit = 5;
    private TestHub _hub = null!;

    public async Task InitializeAsync() => _hub = await TestHub.StartAsync(new TestHubOptions
    {
        ConfigureServices = services => services.AddSingleton(new PublicRateLimits { AnonymousPerMinute = Limit, KeyedPerMinute = 100 }),
    });

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task The_public_endpoints_share_one_bucket_per_anonymous_caller_and_a_key_has_its_own()
    {
        for (var i = 0; i < Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _hub.Client.GetAsync("/public/disclosures")).StatusCode);
        }

        foreach (var path in new[] { "/public/disclosures/feed.atom", "/public/lookup?domain=example.org", "/public/transparency/stats" })
        {
            var refused = await _hub.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.True(refused.Headers.Contains("Retry-After"), path);
        }

        var member = await _hub.CreateMemberAsync();
        Assert.Equal(HttpStatusCode.OK, (await _hub.BearerClient(member.ApiKey).GetAsync("/public/disclosures")).StatusCode);
    }
}
