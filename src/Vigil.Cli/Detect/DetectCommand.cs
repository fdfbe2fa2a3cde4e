using System.CommandLine;
using Spectre.Console;
using Vigil.Detection.Reading;

namespace Vigil.Cli.Detect;

/// <summary>
/// <c>vigil detect INPUT... --out DIR</c>: finds coordinated networks in activity files and writes report.json,
/// report.html and a STIX 2.1 bundle.json into DIR; <c>--publish</c> posts the bundle to a TAXII collection.
/// </summary>
public static class DetectCommand
{
    public const string ApiKeyVariable = "VIGIL_API_KEY";

    /// <param name="console">Where progress and the summary go; the terminal when null.</param>
    /// <param name="httpHandler">How <c>--publish</c> reaches the hub; the network when null.</param>
    public static Command Create(IAnsiConsole? console = null, HttpMessageHandler? httpHandler = null)
    {
        var inputs = new Argument<FileInfo[]>("INPUT")
        {
            Description = "Activity files (plain or gzip): JSON Lines, CSV, Parquet, Twitter IO archive, FiveThirtyEight IRA or CooRTweet CSV.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Directory for report.json, report.html and bundle.json (created if missing).",
            Required = true,
        };
        var format = new Option<string?>("--format") { Description = $"Input format: {string.Join(", ", ActivityFormats.Names)}; detected from the header when left out." };
        format.AcceptOnlyFromAmong([.. ActivityFormats.Names]);
        var window = new Option<int?>("--window") { Description = "CooRTweet mode: detect_groups time_window in seconds (default 10 when only --min-participation is given)." };
        var minParticipation = new Option<int?>("--min-participation") { Description = "CooRTweet mode: detect_groups min_participation (default 2)." };
        var strict = new Option<bool>("--strict") { Description = "Stop at the first bad row instead of counting and reporting it." };
        var tlp = new Option<string>("--tlp")
        {
            Description = "TLP 2.0 marking of the STIX bundle: clear, green, amber, amber+strict, red.",
            DefaultValueFactory = _ => "amber",
        };
        tlp.AcceptOnlyFromAmong([.. TlpNames.All.Keys]);
        var createdBy = new Option<string?>("--created-by") { Description = "Your organization's STIX identity id, set as created_by_ref." };
        var platform = new Option<string?>("--platform") { Description = "Platform of accounts whose rows name none (e.g. twitter for CooRTweet input)." };
        var publish = new Option<string?>("--publish") { Description = "Post the bundle to this TAXII collection objects URL, or to the hub at this URL with --collection." };
        var sources = new Option<DirectoryInfo?>("--sources")
        {
            Description = "Label shared URLs and domains with the source-credibility ratings and state-media labels in this folder (domain_ratings.csv.gz, State_Media_Matrix.csv).",
        };
        var apiKey = new Option<string?>("--api-key") { Description = $"API key for --publish (or set {ApiKeyVariable})." };
        var collection = new Option<string?>("--collection") { Description = "Collection id for --publish when the URL is the hub's." };

        var command = new Command("detect", "Find coordinated account networks in activity data; write JSON, HTML and STIX reports, optionally publish to a hub.")
        {
            inputs, output, format, window, minParticipation, strict, tlp, createdBy, platform, publish, apiKey, collection, sources,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var request = new DetectRequest
            {
                Inputs = [.. result.GetRequiredValue(inputs).Select(f => f.FullName)],
                OutputDirectory = result.GetRequiredValue(output).FullName,
                Format = result.GetValue(format) is { } name ? ActivityFormats.Parse(name) : null,
                WindowSeconds = result.GetValue(window),
                MinParticipation = result.GetValue(minParticipation),
                Strict = result.GetValue(strict),
                Tlp = TlpNames.All[result.GetRequiredValue(tlp)],
                CreatedByRef = result.GetValue(createdBy),
                Platform = result.GetValue(platform),
                PublishUrl = result.GetValue(publish),
                ApiKey = result.GetValue(apiKey) ?? Environment.GetEnvironmentVariable(ApiKeyVariable),
                Collection = result.GetValue(collection),
                SourcesDirectory = result.GetValue(sources)?.FullName,
            };
            return DetectRunner.RunAsync(request, console ?? AnsiConsole.Console, httpHandler, cancellationToken);
        });
        return command;
    }
}
