using System.CommandLine;
using System.Text.Json;
using Vigil.Media.Imaging;
using Vigil.Media.Pdq;
using Vigil.Media.Video;
using Vigil.Server.Media;

namespace Vigil.Cli.Media;

/// <summary>
/// <c>vigil hash FILES…</c>: one <c>hash,quality,path</c> line per image, exactly as the reference pdq-photo-hasher
/// prints it, and for a video (by extension or <c>--video</c>) its vPDQ frames as <c>frame,quality,hash,seconds</c>
/// lines (preceded by a <c># path</c> line when several files are hashed). <c>--json</c> prints one JSON object per
/// file instead. A file that cannot be hashed gives <c>error,reason,path</c> on standard error; the rest are still
/// hashed, a summary follows, and the exit code is 1.
/// </summary>
public static class HashCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create()
    {
        var files = new Argument<string[]>("FILES") { Description = "Image or video files to hash.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "One JSON object per file: dimensions, format, the 8 dihedral hashes; for videos every frame." };
        var video = new Option<bool>("--video") { Description = "Hash every file as a video (vPDQ), whatever its extension." };
        var fps = new Option<double>("--fps") { Description = "Video frames hashed per second of video.", DefaultValueFactory = _ => 1.0 };
        var command = new Command("hash", "Print PDQ hashes of images (as pdq-photo-hasher does) and vPDQ frame hashes of videos.") { files, json, video, fps };
        command.SetAction((result, ct) => RunAsync(
            result.GetRequiredValue(files),
            new HashSettings(result.GetValue(json), result.GetValue(video), result.GetValue(fps)),
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error,
            ct));
        return command;
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> files, HashSettings settings, TextWriter output, TextWriter error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (settings.FramesPerSecond is <= 0 or double.NaN)
        {
            await error.WriteLineAsync("--fps must be a positive number.").ConfigureAwait(false);
            return 1;
        }

        var failures = new List<string>();
        foreach (var path in files)
        {
            try
            {
                if (settings.Video || MediaKinds.IsVideo(path))
                {
                    await HashVideoAsync(path, files.Count > 1, settings, output, ct).ConfigureAwait(false);
                }
                else
                {
                    await HashImageAsync(path, settings.Json, output).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is ImageDecodeException or VideoDecodeException or IOException or UnauthorizedAccessException)
            {
                var reason = e switch
                {
                    ImageDecodeException i => i.Reason,
                    VideoDecodeException v => v.Reason,
                    _ => e.Message,
                };
                failures.Add(path);
                await error.WriteLineAsync(ErrorLine(reason, path)).ConfigureAwait(false);
            }
        }

        if (failures.Count > 0)
        {
            await error.WriteLineAsync($"{failures.Count} of {files.Count} files could not be hashed: {string.Join(", ", failures)}").ConfigureAwait(false);
            return 1;
        }

        return 0;
    }

    /// <summary><c>error,reason,path</c> with the reason's commas made semicolons, so the path is everything after the second comma.</summary>
    public static string ErrorLine(string reason, string path) => $"error,{reason.Replace(',', ';')},{path}";

    private static async Task HashImageAsync(string path, bool json, TextWriter output)
    {
        if (!json)
        {
            await output.WriteLineAsync(PdqLineFormatter.Format(PhotoHasher.HashFile(path))).ConfigureAwait(false);
            return;
        }

        var image = ImageDecoder.Decode(path);
        var dihedral = PhotoHasher.HashDihedral(image);
        var record = new ImageHashJson(path, "image", dihedral.Original.ToString(), dihedral.Quality, image.Width, image.Height, image.Format,
            image.Orientation, [.. dihedral.Hashes.Select(h => h.ToString())]);
        await output.WriteLineAsync(JsonSerializer.Serialize(record, Json)).ConfigureAwait(false);
    }

    private static async Task HashVideoAsync(string path, bool header, HashSettings settings, TextWriter output, CancellationToken ct)
    {
        var hash = await VideoHasher.HashAsync(path, new VideoHashOptions { FramesPerSecond = settings.FramesPerSecond }, ct).ConfigureAwait(false);
        if (settings.Json)
        {
            var record = new VideoHashJson(path, "video", hash.Width, hash.Height, hash.FrameRate,
                [.. hash.Frames.Select(f => new FrameHashJson(f.FrameNumber, f.Quality, f.Hash.ToString(), f.TimestampSeconds))]);
            await output.WriteLineAsync(JsonSerializer.Serialize(record, Json)).ConfigureAwait(false);
            return;
        }

        if (header)
        {
            await output.WriteLineAsync("# " + path).ConfigureAwait(false);
        }

        foreach (var frame in hash.Frames)
        {
            await output.WriteLineAsync(VpdqFormat.Format(frame)).ConfigureAwait(false);
        }
    }
}
