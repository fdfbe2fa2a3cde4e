using System.Net;
using System.Text.Json;
using Vigil.Server.Hosting;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Ads;

/// <summary>The public ad library's keyed rate limit: anonymous callers share their address's bucket, each API key has its own.</summary>
public sealed class AdsRateLimitTests(TestHubFixture fixture) : IClassFixture<TestHubFixture>
{
    [Fact]
    public async Task An_anonymous_caller_gets_429_with_retry_after_once_its_bucket_is_empty_while_a_key_still_gets_answers()
    {
        var limit = new PublicRateLimits().AnonymousPerMinute;
        var answered = 0;
        HttpResponseMessage? refused = null;

        // The bucket refills once a minute, so allow for one refill while looping.
        for (var i = 0; i < 3 * limit && refused is null; i++)
        {
            var response = await fixture.Hub.Client.GetAsync("/public/ads_archive?ad_active_status=ALL&limit=1");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                answered++;
            }
        }

        Assert.NotNull(refused);
        Assert.True(answered >= limit, $"{answered} answered before the first 429; the limit is {limit}");
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("rate limit", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var member = await fixture.Hub.CreateMemberAsync();
        var keyed = await fixture.Hub.BearerClient(member.ApiKey).GetAsync("/public/ads_archive?ad_active_status=ALL&limit=1");
        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
    }
}
