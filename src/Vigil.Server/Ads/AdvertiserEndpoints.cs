using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Vigil.Ads.Advertisers;
using Vigil.Ads.Validation;
using Vigil.Server.Access;
using Vigil.Server.Enrichment;
using Vigil.Server.Hosting;

namespace Vigil.Server.Ads;

/// <summary>
/// <c>/api/ads/advertisers</c>: platforms register political advertisers (attested under their own process, or left for the hub's
/// review), reviewers move them through verification. Registration applies the state-media policy: an advertiser whose website
/// or account carries a state-affiliated media label is blocked, with the label recorded as the reason.
/// </summary>
internal static class AdvertiserEndpoints
{
    public static async Task<IResult> RegisterAsync(HttpContext context, [FromServices] IAdvertiserStore advertisers,
        [FromServices] EnrichmentSources sources, [FromServices] TimeProvider time)
    {
        if (!AdMemberAccess.TryPlatformWriter(context, out _, out var denied))
        {
            return denied;
        }

        var (body, problem) = await JsonBody.ReadAsync<AdvertiserRegistration>(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var errors = Validate(body!);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(context, errors);
        }

        var accounts = body!.Accounts!.Select(a => new PlatformAccount(a.Platform!.Trim().ToLowerInvariant(), a.AccountId!.Trim(), a.Name)).ToList();
        foreach (var account in accounts)
        {
            if (await advertisers.FindByAccountAsync(account.Platform, account.AccountId, context.RequestAborted).ConfigureAwait(false) is { } other)
            {
                return ApiProblems.Conflict(context, $"The account {account.Platform}:{account.AccountId} is already registered to advertiser {other.Id}.");
            }
        }

        var now = time.GetUtcNow();
        var advertiser = new Advertiser
        {
            Id = "advertiser--" + Guid.NewGuid().ToString("D"),
            LegalName = body.LegalName!.Trim(),
            Country = body.Country!.Trim().ToUpperInvariant(),
            Address = body.Address,
            Contact = body.Contact,
            Disclaimer = body.Disclaimer!.Trim(),
            Payer = body.Payer,
            Beneficiary = body.Beneficiary,
            Accounts = accounts,
            Websites = body.Websites ?? [],
        };
        if (body.Attestation is { } attestation)
        {
            advertiser = AdvertiserVerification.Attest(advertiser, attestation.Platform!.Trim().ToLowerInvariant(), attestation.Reference!.Trim(), now, attestation.Process);
        }

        if (sources.Registry is { } registry)
        {
            advertiser = new StateMediaPolicy(new SourceRegistryStateMediaLinks(registry)).Apply(advertiser, now);
        }

        await advertisers.SaveAsync(advertiser, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Created($"/api/ads/advertisers/{advertiser.Id}", advertiser);
    }

    public static async Task<IResult> GetAsync(HttpContext context, string id, [FromServices] IAdvertiserStore advertisers)
    {
        if (context.GetCaller() is null)
        {
            return ApiProblems.Unauthorized(context);
        }

        return await advertisers.GetAsync(id, context.RequestAborted).ConfigureAwait(false) is { } advertiser
            ? TypedResults.Ok(advertiser)
            : ApiProblems.NotFound(context, $"No advertiser '{id}'.");
    }

    public static async Task<IResult> VerifyAsync(HttpContext context, string id, [FromServices] IAdvertiserStore advertisers, [FromServices] TimeProvider time)
    {
        if (!AdMemberAccess.TryReviewer(context, out var reviewer, out var denied))
        {
            return denied;
        }

        var (body, problem) = await JsonBody.ReadAsync<VerificationStep>(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var name = (body!.State ?? string.Empty).Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        if (!Enum.TryParse<VerificationState>(name, ignoreCase: true, out var state) || int.TryParse(name, out _))
        {
            return ApiProblems.Invalid(context, "state", $"'{body.State}' is not one of submitted, documents-requested, verified, rejected, revoked");
        }

        if (await advertisers.GetAsync(id, context.RequestAborted).ConfigureAwait(false) is not { } advertiser)
        {
            return ApiProblems.NotFound(context, $"No advertiser '{id}'.");
        }

        try
        {
            advertiser = AdvertiserVerification.Transition(advertiser, state, reviewer.User?.UserName ?? reviewer.Organization.Name, time.GetUtcNow(), body.Notes);
        }
        catch (VerificationTransitionException e)
        {
            return ApiProblems.Conflict(context, e.Message);
        }

        await advertisers.SaveAsync(advertiser, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(advertiser);
    }

    private static Dictionary<string, string[]> Validate(AdvertiserRegistration body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(body.LegalName))
        {
            errors["legal_name"] = ["missing"];
        }

        if (string.IsNullOrWhiteSpace(body.Country) || !IsoCountries.IsAlpha2(body.Country.Trim().ToUpperInvariant()))
        {
            errors["country"] = [$"'{body.Country}' is not an ISO 3166-1 alpha-2 country code"];
        }

        if (string.IsNullOrWhiteSpace(body.Disclaimer))
        {
            errors["disclaimer"] = ["missing: the authorized \"paid for by\" text"];
        }

        if (body.Accounts is not { Count: > 0 })
        {
            errors["accounts"] = ["at least one platform page or account is required"];
        }
        else
        {
            for (var i = 0; i < body.Accounts.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(body.Accounts[i].Platform) || string.IsNullOrWhiteSpace(body.Accounts[i].AccountId))
                {
                    errors[$"accounts[{i}]"] = ["platform and account_id are required"];
                }
            }
        }

        if (body.Attestation is { } a && (string.IsNullOrWhiteSpace(a.Platform) || string.IsNullOrWhiteSpace(a.Reference)))
        {
            errors["attestation"] = ["platform and reference (the platform's own record of its check) are required"];
        }

        return errors;
    }
}
