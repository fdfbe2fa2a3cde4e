using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Vigil.Core.Stix.Markings;
using Vigil.Media.Imaging;
using Vigil.Media.Index;
using Vigil.Media.Pdq;
using Vigil.Media.Video;
using Vigil.Server.Access;
using Vigil.Server.Hosting;
using Vigil.Server.Rest;

namespace Vigil.Server.Media;

/// <summary>
/// <c>POST /api/media/match</c>: hashes an uploaded image (PDQ) or video (vPDQ through ffmpeg) and matches it against
/// every PDQ hash the caller may see. <c>?distance=</c> (0..128, default 31) sets the threshold.
/// </summary>
internal static class MediaMatchEndpoint
{
    public static async Task<IResult> MatchAsync(
        HttpContext context, [FromServices] MediaOptions options, [FromServices] PdqBankCache banks, [FromServices] ReadableCollections readable)
    {
        var ct = context.RequestAborted;
        var distance = IHashIndex.DefaultMaxDistance;
        if (context.Request.Query["distance"] is { Count: > 0 } text && (!int.TryParse(text.ToString(), out distance) || distance is < 0 or > PdqHash.BitCount / 2))
        {
            return ApiProblems.Invalid(context, "distance", "must be an integer from 0 to 128");
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
            try
            {
                if (MediaKinds.IsVideo(upload.Name, upload.ContentType))
                {
                    var video = await VideoHasher.HashAsync(upload.TempPath, ct: ct).ConfigureAwait(false);
                    var bank = await BankAsync(context, banks, collections).ConfigureAwait(false);
                    return TypedResults.Ok(new MediaMatchResponse(upload.Name, "video", null, null, video.Frames.Count, distance, MatchVideo(bank, video, distance)));
                }

                var hash = PhotoHasher.HashFile(upload.TempPath);
                var imageBank = await BankAsync(context, banks, collections).ConfigureAwait(false);
                return TypedResults.Ok(new MediaMatchResponse(upload.Name, "image", hash.Hash.ToString(), hash.Quality, null, distance, MatchImage(imageBank, hash.Hash, distance)));
            }
            catch (ImageDecodeException e)
            {
                return Unprocessable(context, upload.Name, e.Reason);
            }
            catch (VideoDecodeException e)
            {
                return Unprocessable(context, upload.Name, e.Reason);
            }
        }
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

    private static List<MediaMatch> MatchVideo(PdqBank? bank, VideoHash video, int distance)
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

            foreach (var m in bank.Index.Query(frame.Hash, distance))
            {
                best[m.Index] = best.TryGetValue(m.Index, out var seen) ? (Math.Min(seen.Distance, m.Distance), seen.Frames + 1) : (m.Distance, 1);
            }
        }

        foreach (var (index, (d, frames)) in best)
        {
            matches.Add(ToMatch(bank, index, d, frames));
        }

        matches.Sort(static (a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : (b.MatchedFrames ?? 0).CompareTo(a.MatchedFrames ?? 0));
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
