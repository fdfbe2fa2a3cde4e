using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Vigil.Ads.Advertisers;
using Vigil.Ads.Import;
using Vigil.Ads.Search;
using Vigil.Ads.Submission;
using Vigil.Ads.Validation;
using Vigil.Server.Hosting;

namespace Vigil.Server.Ads;

/// <summary>
/// <c>POST /api/ads</c> (one ad, a JSON object) and <c>POST /api/ads/bulk</c> (JSON Lines, streamed): member platforms submit ads
/// in the <c>ads_archive</c> shape (<c>src/Vigil.Ads/README.md</c>). Each ad is validated, linked to its registered advertiser
/// (by <c>advertiser_id</c> or the platform page) and refused when that advertiser is neither verified nor attested, or is
/// blocked. A rejected ad never stops the rest; the answer lists every rejection with row, line, field and reason.
/// <c>?platform=</c> names the platform of ads that do not carry a <c>platform</c> field.
/// </summary>
internal static class AdSubmissionEndpoints
{
    public static async Task<IResult> SubmitOneAsync(HttpContext context, [FromServices] IAdvertiserStore advertisers, [FromServices] IAdArchive archive)
    {
        if (!AdMemberAccess.TryPlatformWriter(context, out _, out var denied))
        {
            return denied;
        }

        if (!context.Request.HasJsonContentType())
        {
            return ApiProblems.Status(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"The body must be one ad as application/json, not '{context.Request.ContentType ?? "(none)"}'; use /api/ads/bulk for JSON Lines.");
        }

        if (!TryPlatform(context, out var platform, out var problem))
        {
            return problem;
        }

        byte[] line;
        try
        {
            // One object on one line, so the JSON Lines reader (and its row/field problems) serves both endpoints.
            using var doc = await JsonDocument.ParseAsync(context.Request.Body, new JsonDocumentOptions { MaxDepth = 16 }, context.RequestAborted).ConfigureAwait(false);
            line = JsonSerializer.SerializeToUtf8Bytes(doc.RootElement);
        }
        catch (JsonException e)
        {
            return ApiProblems.Invalid(context, e.Path ?? "$", "not valid JSON: " + e.Message);
        }

        using var stream = new MemoryStream(line);
        var summary = await SubmitAsync(stream, platform, advertisers, archive, context.RequestAborted).ConfigureAwait(false);
        if (summary.Rejections.Count > 0)
        {
            return ApiProblems.Status(context, StatusCodes.Status422UnprocessableEntity, "Ad rejected",
                string.Join("; ", summary.Rejections.Select(r => $"{r.Field}: {r.Reason}")));
        }

        var answer = AdSubmissionAnswer.From(summary);
        return summary.Created > 0 ? TypedResults.Created(context.Request.Path.Value, answer) : TypedResults.Ok(answer);
    }

    public static async Task<IResult> SubmitBulkAsync(HttpContext context, [FromServices] IAdvertiserStore advertisers, [FromServices] IAdArchive archive)
    {
        if (!AdMemberAccess.TryPlatformWriter(context, out _, out var denied))
        {
            return denied;
        }

        if (!TryPlatform(context, out var platform, out var problem))
        {
            return problem;
        }

        var summary = await SubmitAsync(context.Request.Body, platform, advertisers, archive, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(AdSubmissionAnswer.From(summary));
    }

    private static Task<AdSubmissionSummary> SubmitAsync(Stream body, string? platform, IAdvertiserStore advertisers, IAdArchive archive, CancellationToken cancellationToken)
    {
        var items = new AdImporter().ImportAsync(body, new AdImportOptions { Format = AdFileFormat.JsonLines, Platform = platform }, cancellationToken);
        return new AdSubmission(advertisers, archive, new AdValidator()).SubmitAsync(items, cancellationToken);
    }

    private static bool TryPlatform(HttpContext context, out string? platform, out IResult problem)
    {
        problem = null!;
        platform = context.Request.Query["platform"].ToString().Trim().ToLowerInvariant();
        if (platform.Length == 0)
        {
            platform = null;
            return true;
        }

        if (platform.Length > 64 || !platform.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'))
        {
            problem = ApiProblems.Invalid(context, "platform", $"'{platform}' is not a platform name (lower-case letters, digits, - and _)");
            return false;
        }

        return true;
    }

}
