using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Vigil.Core.Stix.Markings;
using Vigil.Media.Imaging;
using Vigil.Media.Pdq;
using Vigil.Media.Video;
using Vigil.Server.Access;
using Vigil.Server.Hosting;
using Vigil.Server.Rest;
using Vigil.Storage.Members;

namespace Vigil.Server.Media;

/// <summary>
/// <c>POST /api/media/match</c>: hashes an uploaded image (PDQ) or video (vPDQ through ffmpeg) and matches it against
/// every PDQ hash the caller may see (a video also against every whole-video vPDQ hash), then records a sighting of
/// each matched indicator unless <c>record_sighting=false</c>; <see cref="MediaMatchRequest"/> lists the parameters.
/// </summary>
internal static class MediaMatchEndpoint
{
    public static async Task<IResult> MatchAsync(
        HttpContext context, [FromServices] MediaOptions options, [FromServices] PdqBankCache banks, [FromServices] ReadableCollections readable,
        [FromServices] MediaSightings sightings, [FromServices] IMemberStore members)
    {
        var ct = context.RequestAborted;
        var request = MediaMatchRequest.Parse(context.Request.Query, out var errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(context, errors);
        }

        if (request.RecordSighting && request.Collection is { } target && await CheckCollectionAsync(context, members, target).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        MediaUpload upload;
        try
        {
            upload = await MediaUpload.ReceiveAsync(context, options.MaxUploadBytes, ct).ConfigureAwait(false);
        }
        catch (UploadTooLargeException e)
        {
            return ApiProblems.Status(context, StatusCodes.Status413PayloadTooLarge, "Upload too large", e.Message);
        }
        catch (InvalidDataException e)
        {
            return ApiProblems.Invalid(context, "body", e.Message);
        }

        using (upload)
        {
            if (upload.Length == 0)
            {
                return Unprocessable(context, upload.Name, "the upload is empty (0 bytes)");
            }

            var collections = (await readable.ForAsync(context).ConfigureAwait(false)).Select(c => c.Id).ToList();
            MediaMatchResponse response;
            try
            {
                if (MediaKinds.IsVideo(upload.Name, upload.ContentType))
                {
                    var video = await VideoHasher.HashAsync(upload.TempPath, ct: ct).ConfigureAwait(false);
                    var bank = await BankAsync(context, banks, collections).ConfigureAwait(false);
                    response = new MediaMatchResponse(upload.Name, "video", null, null, video.Frames.Count, request.Distance, MatchVideo(bank, video, request), []);
                }
                else
                {
                    var hash = PhotoHasher.HashFile(upload.TempPath);
                    var imageBank = await BankAsync(context, banks, collections).ConfigureAwait(false);
                    response = new MediaMatchResponse(upload.Name, "image", hash.Hash.ToString(), hash.Quality, null, request.Distance,
                        MatchImage(imageBank, hash.Hash, request.Distance), []);
                }
            }
            catch (ImageDecodeException e)
            {
                return Unprocessable(context, upload.Name, e.Reason);
            }
            catch (VideoDecodeException e)
            {
                return Unprocessable(context, upload.Name, e.Reason);
            }

            // Recorded even if the client goes away now: the match happened.
            var recorded = await sightings.RecordAsync(context, response.Matches, request, CancellationToken.None).ConfigureAwait(false);
            return TypedResults.Ok(response with { Sightings = recorded });
        }
    }

    /// <summary>A named sighting collection must exist for the caller (404) and be writable by it (403), as for <c>POST /api/rest/sightings</c>.</summary>
    private static async Task<IResult?> CheckCollectionAsync(HttpContext context, IMemberStore members, string collectionId)
    {
        var collection = (await members.ListAllCollectionsAsync(context.RequestAborted).ConfigureAwait(false)).FirstOrDefault(c => c.Id == collectionId);
        if (collection is null || !context.CanReadCollection(collection))
        {
            return ApiProblems.NotFound(context, $"collection: no collection '{collectionId}' that you may use.");
        }

        return context.CanWriteCollection(collection)
            ? null
            : ApiProblems.Forbidden(context, $"collection: your organization may not write collection '{collection.Id}'; send record_sighting=false to match without recording.");
    }

    private static async Task<PdqBank?> BankAsync(HttpContext context, PdqBankCache banks, IReadOnlyList<string> collections) =>
        collections.Count == 0 ? null : await banks.GetAsync(context.GetReader(), collections, context.RequestAborted).ConfigureAwait(false);

    private static List<MediaMatch> MatchImage(PdqBank? bank, PdqHash hash, int distance)
    {
        var matches = new List<MediaMatch>();
        if (bank is null)
        {
            return matches;
        }

        foreach (var m in bank.Index.Query(hash, distance))
        {
            matches.Add(ToMatch(bank, m.Index, m.Distance, null));
        }

        matches.Sort(static (a, b) => a.Distance.CompareTo(b.Distance));
        return matches;
    }

    private static List<MediaMatch> MatchVideo(PdqBank? bank, VideoHash video, MediaMatchRequest request)
    {
        var matches = new List<MediaMatch>();
        if (bank is null)
        {
            return matches;
        }

        var best = new Dictionary<int, (int Distance, int Frames)>();
        foreach (var frame in video.Frames)
        {
            if (frame.Quality < VpdqMatchOptions.Default.MinQuality)
            {
                continue;
            }

            foreach (var m in bank.Index.Query(frame.Hash, request.Distance))
            {
                best[m.Index] = best.TryGetValue(m.Index, out var seen) ? (Math.Min(seen.Distance, m.Distance), seen.Frames + 1) : (m.Distance, 1);
            }
        }

        foreach (var (index, (d, frames)) in best)
        {
            matches.Add(ToMatch(bank, index, d, frames));
        }

        matches.Sort(static (a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : (b.MatchedFrames ?? 0).CompareTo(a.MatchedFrames ?? 0));
        foreach (var v in bank.Videos.Match(video.Frames, request.VpdqOptions))
        {
            foreach (var entry in v.Video.Entries)
            {
                matches.Add(new MediaMatch(entry.ObjectId, entry.ObjectType, entry.CollectionId, TlpMarkings.Tlp2Value(entry.Tlp), v.Video.Digest, v.MinDistance,
                    entry.Label, v.MatchedQueryFrames, VpdqStixHashes.HashKey, Math.Round(v.Result.QueryMatchPercent, 2), Math.Round(v.Result.TargetMatchPercent, 2)));
            }
        }

        return matches;
    }

    private static MediaMatch ToMatch(PdqBank bank, int index, int distance, int? frames)
    {
        var entry = bank.Entries[index];
        return new MediaMatch(entry.ObjectId, entry.ObjectType, entry.CollectionId, TlpMarkings.Tlp2Value(entry.Tlp), bank.Index[index].ToString(), distance, entry.Label, frames);
    }

    private static IResult Unprocessable(HttpContext context, string name, string reason) =>
        ApiProblems.Status(context, StatusCodes.Status422UnprocessableEntity, "The media cannot be hashed", $"{name}: {reason}");
}
