using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Vigil.Ledger.Errors;
using Vigil.Ledger.Log;
using Vigil.Ledger.Tiles;
using Vigil.Server.Admin;
using Vigil.Server.Hosting;

namespace Vigil.Server.Log;

/// <summary>
/// The transparency log under <c>/log/</c>: the C2SP tlog-tiles resources (checkpoint, hash tiles, entry bundles),
/// the verifier key, JSON inclusion and consistency proofs, and cosignature submission by witnesses. All reads are
/// public; signing a checkpoint on demand needs the hub-admin role.
/// </summary>
public static class LogApi
{
    public const string FullTileCache = "public, max-age=31536000, immutable";
    public const string PartialTileCache = "public, max-age=10";

    public static IEndpointRouteBuilder MapLogApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var log = app.MapGroup("/log").WithTags("Transparency log");
        log.MapGet("/checkpoint", GetCheckpointAsync);
        log.MapPost("/checkpoint", SignCheckpointAsync).AddEndpointFilter<HubAdminFilter>();
        log.MapGet("/key", (TransparencyLog l) => TypedResults.Text(l.Verifier + "\n", "text/plain; charset=utf-8"));
        log.MapGet("/tile/{**path}", GetTileAsync);
        log.MapGet("/proof/inclusion", ProofEndpoints.InclusionAsync);
        log.MapGet("/proof/consistency", ProofEndpoints.ConsistencyAsync);
        app.MapGet(Stats.StatsEndpoint.Path, Stats.StatsEndpoint.GetAsync).WithTags("Transparency log").RequireRateLimiting(PublicRateLimits.Policy)
            .WithSummary("Aggregate statistics of the log per week or month (shares, refusals, requests, responses, reads across sectors), as JSON or CSV");
        log.MapPost("/cosignature", CosignatureEndpoint.PostAsync);
        Oversight.OversightEndpoints.MapOversightApi(app);
        return app;
    }

    private static async Task<IResult> GetCheckpointAsync(HttpContext context, TransparencyLog log, CheckpointService signer, CancellationToken cancellationToken)
    {
        var note = await log.GetCheckpointAsync(cancellationToken).ConfigureAwait(false)
            ?? (await signer.SignNowAsync(cancellationToken).ConfigureAwait(false)).ToString();
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Text(note, "text/plain; charset=utf-8");
    }

    private static async Task<IResult> SignCheckpointAsync(HttpContext context, CheckpointService signer, CancellationToken cancellationToken)
    {
        try
        {
            var note = await signer.SignNowAsync(cancellationToken).ConfigureAwait(false);
            return TypedResults.Text(note.ToString(), "text/plain; charset=utf-8");
        }
        catch (LedgerException e)
        {
            return LogProblems.From(context, e);
        }
    }

    private static async Task<IResult> GetTileAsync(string path, HttpContext context, TransparencyLog log, CancellationToken cancellationToken)
    {
        if (!TilePath.TryParse("tile/" + path, out var tile, out var error))
        {
            return ApiProblems.Status(context, StatusCodes.Status400BadRequest, "Malformed tile path", error);
        }

        byte[] bytes;
        try
        {
            bytes = await log.ReadTileAsync(tile, cancellationToken).ConfigureAwait(false);
        }
        catch (LedgerException e)
        {
            return ApiProblems.NotFound(context, e.Message);
        }

        context.Response.Headers.CacheControl = tile.IsPartial ? PartialTileCache : FullTileCache;
        return TypedResults.Bytes(bytes, "application/octet-stream");
    }
}
