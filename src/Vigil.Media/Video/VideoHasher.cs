using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Vigil.Media.Pdq;

namespace Vigil.Media.Video;

/// <summary>
/// vPDQ: decodes a video with Debian's ffmpeg, streaming raw RGB24 frames through a pipe (nothing
/// is written to disk), and hashes the sampled frames with PDQ on all cores. Decoding follows the
/// reference: first video stream, no auto-rotation, area-filter colour conversion, every k-th frame.
/// </summary>
public static class VideoHasher
{
    private const int StderrTail = 8192;

    public static async Task<VideoHash> HashAsync(string path, VideoHashOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= VideoHashOptions.Default;
        if (!File.Exists(path))
        {
            throw new VideoDecodeException(path, "the file does not exist");
        }

        if (new FileInfo(path).Length == 0)
        {
            throw new VideoDecodeException(path, "the file is empty (0 bytes)");
        }

        if (options.FramesPerSecond is <= 0 or double.NaN)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.FramesPerSecond, "FramesPerSecond must be positive (or null for every frame).");
        }

        var probe = await VideoProbe.RunAsync(path, options, ct);
        if ((long)probe.Width * probe.Height > options.MaxPixelsPerFrame)
        {
            throw new VideoDecodeException(path, $"its {probe.Width}x{probe.Height} frames exceed the limit of {options.MaxPixelsPerFrame} pixels");
        }

        var step = options.FramesPerSecond is { } perSecond ? Math.Max(1, (int)(1.0 / perSecond * probe.FrameRate)) : 1;
        var (frames, messages) = await DecodeAndHashAsync(path, probe, step, options, ct);
        if (frames.Count == 0)
        {
            throw new VideoDecodeException(path, "ffmpeg decoded no frame" + (messages.Length > 0 ? ": " + FfmpegProcess.LastLine(messages) : string.Empty));
        }

        frames.Sort(static (a, b) => a.FrameNumber.CompareTo(b.FrameNumber));
        return new VideoHash
        {
            Source = path,
            Width = probe.Width,
            Height = probe.Height,
            FrameRate = probe.FrameRate,
            Frames = Deduplicate(frames, options.DeduplicateDistance),
            DecoderMessages = messages.Trim(),
        };
    }

    private static async Task<(List<VideoFrameHash> Frames, string Messages)> DecodeAndHashAsync(
        string path, VideoProbe probe, int step, VideoHashOptions options, CancellationToken ct)
    {
        var info = new ProcessStartInfo(options.FfmpegPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        string[] args =
        [
            "-nostdin", "-v", "error", "-noautorotate", "-i", "file:" + Path.GetFullPath(path),
            "-map", "0:v:0", "-an", "-sn", "-dn",
            .. step > 1 ? (string[])["-vf", string.Create(CultureInfo.InvariantCulture, $"select=not(mod(n\\,{step}))")] : [],
            "-fps_mode", "passthrough", "-sws_flags", "area", "-pix_fmt", "rgb24", "-f", "rawvideo", "pipe:1",
        ];
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        var frameBytes = probe.Width * probe.Height * 3;
        var results = new List<VideoFrameHash>();
        var queue = Channel.CreateBounded<(int Number, byte[] Pixels)>(Math.Max(2, options.HashingThreads * 2));
        using var process = FfmpegProcess.Start(info, path);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var stderr = ReadTailAsync(process.StandardError, stop.Token);
        var workers = Enumerable.Range(0, Math.Max(1, options.HashingThreads))
            .Select(_ => Task.Run(
                async () =>
                {
                    try
                    {
                        await HashFramesAsync(queue.Reader, probe, options.CropBlackBorders, results, stop.Token);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // Unblock the reader, which may wait for room in the queue.
                        await stop.CancelAsync();
                        throw;
                    }
                },
                stop.Token))
            .ToArray();
        try
        {
            var output = process.StandardOutput.BaseStream;
            for (var index = 0; ; index++)
            {
                var buffer = ArrayPool<byte>.Shared.Rent(frameBytes);
                var read = await output.ReadAtLeastAsync(buffer.AsMemory(0, frameBytes), frameBytes, throwOnEndOfStream: false, stop.Token);
                if (read < frameBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    break;
                }

                await queue.Writer.WriteAsync((index * step, buffer), stop.Token);
            }

            queue.Writer.Complete();
            await Task.WhenAll(workers);
            await process.WaitForExitAsync(stop.Token);
        }
        catch (Exception e)
        {
            queue.Writer.TryComplete();
            await stop.CancelAsync();
            Kill(process);
            var failed = workers.FirstOrDefault(w => w.IsFaulted)?.Exception?.InnerException;
            if (failed is not null && e is OperationCanceledException && !ct.IsCancellationRequested)
            {
                throw new VideoDecodeException(path, "hashing a frame failed: " + failed.Message, failed);
            }

            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new VideoDecodeException(path, "ffmpeg cannot decode it: " + FfmpegProcess.LastLine(await stderr));
        }

        return (results, await stderr);
    }

    private static async Task HashFramesAsync(
        ChannelReader<(int Number, byte[] Pixels)> reader, VideoProbe probe, bool crop, List<VideoFrameHash> results, CancellationToken ct)
    {
        var frameBytes = probe.Width * probe.Height * 3;
        await foreach (var (number, pixels) in reader.ReadAllAsync(ct))
        {
            try
            {
                var frame = pixels.AsSpan(0, frameBytes);
                var (x, y, w, h) = crop ? BlackBorders.Detect(frame, probe.Width, probe.Height) : (0, 0, probe.Width, probe.Height);
                var r = PdqHasher.Hash(frame[(((y * probe.Width) + x) * 3)..], w, h, probe.Width * 3);
                var hashed = new VideoFrameHash(number, r.Hash, r.Quality, number / probe.FrameRate);
                lock (results)
                {
                    results.Add(hashed);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(pixels);
            }
        }
    }

    private static List<VideoFrameHash> Deduplicate(List<VideoFrameHash> frames, int distance)
    {
        if (distance < 0)
        {
            return frames;
        }

        var kept = new List<VideoFrameHash>(frames.Count);
        foreach (var f in frames)
        {
            if (kept.Count == 0 || kept[^1].Hash.DistanceTo(f.Hash) > distance)
            {
                kept.Add(f);
            }
        }

        return kept;
    }

    private static async Task<string> ReadTailAsync(StreamReader reader, CancellationToken ct)
    {
        var tail = new System.Text.StringBuilder();
        var buffer = new char[4096];
        try
        {
            int n;
            while ((n = await reader.ReadAsync(buffer, ct)) > 0)
            {
                tail.Append(buffer, 0, n);
                if (tail.Length > StderrTail)
                {
                    tail.Remove(0, tail.Length - StderrTail);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The process was stopped; what was read so far is enough.
        }

        return tail.ToString();
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
