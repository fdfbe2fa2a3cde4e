using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Vigil.Detection;
using Vigil.Detection.CooRTweet;
using Vigil.Detection.Reading;
using Vigil.Detection.Reporting;
using Vigil.Detection.Results;
using Vigil.Detection.Stix;

namespace Vigil.Cli.Detect;

/// <summary>Runs <c>vigil detect</c>: read with a progress bar, detect stage by stage, write the reports, print the summary, publish.</summary>
public static class DetectRunner
{
    public const string BundleFileName = "bundle.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Exit code 0 on success, 1 when the input cannot be read, the output cannot be written or publishing fails.</summary>
    public static async Task<int> RunAsync(DetectRequest request, IAnsiConsole console, HttpMessageHandler? httpHandler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(console);
        if (Problem(request) is { } problem)
        {
            console.MarkupLineInterpolated($"[red]vigil detect:[/] {problem}");
            return 1;
        }

        Uri? objectsUrl = null;
        try
        {
            if (request.PublishUrl is { } text)
            {
                if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                {
                    throw new ArgumentException($"--publish '{text}' is not an absolute http or https URL.");
                }

                objectsUrl = TaxiiPublisher.ObjectsUrl(url, request.Collection);
            }
        }
        catch (ArgumentException e)
        {
            console.MarkupLineInterpolated($"[red]vigil detect:[/] {e.Message}");
            return 1;
        }

        DetectRun run;
        JsonObject bundle;
        try
        {
            run = await ReadAndDetectAsync(request, console, cancellationToken).ConfigureAwait(false);
            if (request.SourcesDirectory is { } sourcesDirectory)
            {
                var (registry, sourcesProblem) = await SharedItemLabeler.LoadAsync(sourcesDirectory, cancellationToken).ConfigureAwait(false);
                if (registry is null)
                {
                    console.MarkupLineInterpolated($"[red]vigil detect:[/] {sourcesProblem}");
                    return 1;
                }

                run = run with { Result = SharedItemLabeler.Label(run.Result, registry) };
            }

            Directory.CreateDirectory(request.OutputDirectory);
            await ReportWriter.WriteAsync(run.Result, request.OutputDirectory, cancellationToken: cancellationToken).ConfigureAwait(false);
            bundle = DetectionStixExporter.Export(run.Result, new DetectionStixOptions
            {
                Tlp = request.Tlp,
                CreatedByRef = request.CreatedByRef,
                DefaultPlatform = request.Platform,
            });
            await File.WriteAllTextAsync(Path.Combine(request.OutputDirectory, BundleFileName), bundle.ToJsonString(Indented), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (MalformedInputException e)
        {
            console.MarkupLineInterpolated($"[red]vigil detect: bad input:[/] {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException or JsonException or NotSupportedException)
        {
            console.MarkupLineInterpolated($"[red]vigil detect failed:[/] {e.Message}");
            return 1;
        }

        DetectSummary.Print(console, run, ((JsonArray)bundle["objects"]!).Count, request.OutputDirectory);
        if (objectsUrl is null)
        {
            return 0;
        }

        return await PublishAsync(console, objectsUrl, request.ApiKey!, bundle, httpHandler, cancellationToken).ConfigureAwait(false);
    }

    private static string? Problem(DetectRequest request)
    {
        foreach (var input in request.Inputs)
        {
            if (!File.Exists(input))
            {
                return $"input file not found: {input}";
            }
        }

        if (request.WindowSeconds is <= 0)
        {
            return $"--window must be a positive number of seconds, not {request.WindowSeconds}.";
        }

        if (request.MinParticipation is <= 0)
        {
            return $"--min-participation must be at least 1, not {request.MinParticipation}.";
        }

        if (request.PublishUrl is not null && string.IsNullOrWhiteSpace(request.ApiKey))
        {
            return $"--publish needs an API key: give --api-key or set {DetectCommand.ApiKeyVariable}.";
        }

        return request.PublishUrl is null && request.Collection is not null ? "--collection is only used with --publish." : null;
    }

    private static async Task<DetectRun> ReadAndDetectAsync(DetectRequest request, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var options = request.WindowSeconds is null && request.MinParticipation is null
            ? new DetectionOptions()
            : new DetectionOptions
            {
                CooRTweet = new CooRTweetOptions
                {
                    WindowSeconds = request.WindowSeconds ?? new CooRTweetOptions().WindowSeconds,
                    MinParticipation = request.MinParticipation ?? new CooRTweetOptions().MinParticipation,
                },
            };
        var reads = new List<(string File, ActivityReadResult Read)>();
        DetectionResult? result = null;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                foreach (var input in request.Inputs)
                {
                    var name = Path.GetFileName(input);
                    var task = context.AddTask(Markup.Escape($"Reading {name}"), maxValue: Math.Max(1, new FileInfo(input).Length));
                    var progress = new CallbackProgress<ReadProgress>(p =>
                    {
                        task.MaxValue = Math.Max(1, p.TotalBytes);
                        task.Value = p.BytesRead;
                        task.Description = Markup.Escape($"Reading {name} ({Megabytes(p.BytesRead)} of {Megabytes(p.TotalBytes)} MB)");
                    });
                    var read = await ActivityReaders.ReadAsync(input, new ReadOptions { Format = request.Format, Strict = request.Strict, Progress = progress },
                        cancellationToken).ConfigureAwait(false);
                    task.Value = task.MaxValue;
                    task.StopTask();
                    reads.Add((input, read));
                }

                var table = ActivityTableMerger.Merge([.. reads.Select(r => r.Read.Table)]);
                var stages = context.AddTask("Detecting", maxValue: 1);
                var stageProgress = new CallbackProgress<DetectionStage>(s =>
                {
                    stages.MaxValue = s.Total;
                    stages.Value = s.Index - 1;
                    stages.Description = Markup.Escape($"Detecting: {s.Name}");
                });
                result = await Task.Run(() => DetectionEngine.Run(table, options, stageProgress, cancellationToken), cancellationToken).ConfigureAwait(false);
                stages.Description = "Detecting: done";
                stages.Value = stages.MaxValue;
                stages.StopTask();
            }).ConfigureAwait(false);
        return new DetectRun(reads, result!);
    }

    private static async Task<int> PublishAsync(IAnsiConsole console, Uri objectsUrl, string apiKey, JsonObject bundle, HttpMessageHandler? handler,
        CancellationToken cancellationToken)
    {
        if (TaxiiPublisher.Publishable(bundle).Count == 0)
        {
            console.MarkupLine("Nothing to publish: no coordinated clusters were found.");
            return 0;
        }

        using var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        client.Timeout = TimeSpan.FromMinutes(5);
        PublishOutcome outcome;
        try
        {
            outcome = await new TaxiiPublisher(client).PublishAsync(objectsUrl, apiKey, bundle, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            console.MarkupLineInterpolated($"[red]Publishing to {objectsUrl} failed:[/] {e.Message}");
            return 1;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            console.MarkupLineInterpolated($"[red]Publishing to {objectsUrl} failed:[/] no answer within {client.Timeout.TotalMinutes:0} minutes.");
            return 1;
        }

        if (outcome.Error is { } error)
        {
            console.MarkupLineInterpolated($"[red]Publishing to {objectsUrl} failed:[/] {error}");
            return 1;
        }

        console.MarkupLineInterpolated(
            $"Published to {objectsUrl}: HTTP {outcome.HttpStatus}, status {outcome.Status}, {outcome.Successes.ToString("N0", CultureInfo.InvariantCulture)} stored, {outcome.Failures.ToString("N0", CultureInfo.InvariantCulture)} failed, {outcome.Pending.ToString("N0", CultureInfo.InvariantCulture)} pending.");
        foreach (var failure in outcome.FailureMessages)
        {
            console.MarkupLineInterpolated($"  [red]{failure}[/]");
        }

        return outcome.Succeeded ? 0 : 1;
    }

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
}
