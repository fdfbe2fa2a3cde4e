using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.Detection.Results;

namespace Vigil.Detection.Reporting;

/// <summary>
/// Writes <c>report.json</c> (always with <c>summary</c> {activities, accounts, edges, components,
/// clusters} and <c>clusters[]</c> each with its <c>accounts</c>) and <c>report.html</c> into a directory.
/// </summary>
public static class ReportWriter
{
    public const string JsonFileName = "report.json";
    public const string HtmlFileName = "report.html";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task WriteAsync(DetectionResult result, string directory, int seed = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(directory);
        await using (var json = File.Create(Path.Combine(directory, JsonFileName)))
        {
            await JsonSerializer.SerializeAsync(json, result, Json, cancellationToken);
        }

        await File.WriteAllTextAsync(Path.Combine(directory, HtmlFileName), HtmlReport.Render(result, seed), cancellationToken);
    }

    public static string ToJson(DetectionResult result) => JsonSerializer.Serialize(result, Json);
}
