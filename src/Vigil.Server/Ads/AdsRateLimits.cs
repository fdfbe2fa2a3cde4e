using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Access;

namespace Vigil.Server.Ads;

/// <summary>
/// Keyed rate limits on the public ad library: each API key (or signed-in user) has its own bucket of <see cref="KeyedPerMinute"/>
/// requests a minute, anonymous callers one bucket per client address of <see cref="AnonymousPerMinute"/>. Configuration
/// <c>Vigil:Ads:RateLimit:Anonymous</c> and <c>:Keyed</c>. An empty bucket answers 429 with <c>Retry-After</c>.
/// </summary>
public sealed record AdsRateLimits
{
    public const string Policy = "ads-public";

    public int AnonymousPerMinute { get; init; } = 600;
    public int KeyedPerMinute { get; init; } = 6000;

    public static AdsRateLimits FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Vigil:Ads:RateLimit");
        var defaults = new AdsRateLimits();
        return new AdsRateLimits
        {
            AnonymousPerMinute = int.TryParse(section["Anonymous"], CultureInfo.InvariantCulture, out var anonymous) && anonymous > 0 ? anonymous : defaults.AnonymousPerMinute,
            KeyedPerMinute = int.TryParse(section["Keyed"], CultureInfo.InvariantCulture, out var keyed) && keyed > 0 ? keyed : defaults.KeyedPerMinute,
        };
    }

    public void Register(IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, Partition);
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var retry = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 60;
                rejected.HttpContext.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
                await AccessErrors.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"The ad library's rate limit for this caller is used up; retry after {retry} s. An API key has its own, larger limit.").ConfigureAwait(false);
            };
        });
    }

    private RateLimitPartition<string> Partition(HttpContext context)
    {
        var caller = context.GetCaller();
        var (key, perMinute) = caller is not null
            ? ("key:" + (caller.Key?.Id ?? caller.User?.Id ?? caller.Organization.Id), KeyedPerMinute)
            : ("ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), AnonymousPerMinute);
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = perMinute,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
