using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Access;
using Vigil.Server.Web;
using Vigil.Server.Web.Session;

namespace Vigil.Server.Hosting;

/// <summary>
/// Keyed rate limits on the public, no-login endpoints (the ad library, takedown disclosures, the value lookup and the
/// transparency statistics): each API key (or signed-in user) has its own bucket of <see cref="KeyedPerMinute"/> requests a
/// minute, anonymous callers one bucket per client address of <see cref="AnonymousPerMinute"/>, shared by those endpoints
/// and the public web pages (the ad library, takedown disclosures, transparency statistics). Configuration <c>Vigil:RateLimit:Anonymous</c> and <c>:Keyed</c>. An empty
/// bucket answers 429 with <c>Retry-After</c>: problem details on the APIs, a short HTML page on web pages.
/// </summary>
public sealed record PublicRateLimits
{
    public const string Policy = "public";
    private const string Section = "Vigil:RateLimit";

    public int AnonymousPerMinute { get; init; } = 600;
    public int KeyedPerMinute { get; init; } = 6000;

    public static PublicRateLimits FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var defaults = new PublicRateLimits();
        return new PublicRateLimits
        {
            AnonymousPerMinute = int.TryParse(section["Anonymous"], CultureInfo.InvariantCulture, out var anonymous) && anonymous > 0 ? anonymous : defaults.AnonymousPerMinute,
            KeyedPerMinute = int.TryParse(section["Keyed"], CultureInfo.InvariantCulture, out var keyed) && keyed > 0 ? keyed : defaults.KeyedPerMinute,
        };
    }

    /// <summary>Registers the limits (replaceable as a singleton) and the policy that reads them.</summary>
    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => FromConfiguration(configuration));
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, context => context.RequestServices.GetRequiredService<PublicRateLimits>().Partition(context));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var retry = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 60;
                rejected.HttpContext.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
                if (WebSession.IsWebPath(rejected.HttpContext.Request.Path))
                {
                    await TooManyRequestsPage.WriteAsync(rejected.HttpContext, retry, cancellationToken).ConfigureAwait(false);
                    return;
                }

                await AccessErrors.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"The public API's rate limit for this caller is used up; retry after {retry} s. An API key has its own, larger limit.").ConfigureAwait(false);
            };
        });
    }

    private RateLimitPartition<string> Partition(HttpContext context)
    {
        var caller = context.GetCaller();
        var (key, perMinute) = caller is not null
            ? ("key:" + (caller.Key?.Id ?? caller.User?.Id ?? caller.Organization.Id), KeyedPerMinute)
            : ("ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), AnonymousPerMinute);
        return RateLimitPartition.GetTokenBucketLimiter(key + "/" + perMinute.ToString(CultureInfo.InvariantCulture), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = perMinute,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
