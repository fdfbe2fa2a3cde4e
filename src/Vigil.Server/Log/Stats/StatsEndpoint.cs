using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Vigil.Server.Hosting;

namespace Vigil.Server.Log.Stats;

/// <summary><c>GET /public/transparency/stats?period=week|month&amp;format=json|csv</c>: the log's aggregate statistics, no login.</summary>
internal static class StatsEndpoint
{
    public const string Path = "/public/transparency/stats";

    public static async Task<IResult> GetAsync(HttpContext context, [FromQuery] string? period, [FromQuery] string? format, [FromServices] TransparencyStats stats)
    {
        if (!TryPeriod(period, out var parsed))
        {
            return ApiProblems.Invalid(context, "period", $"'{period}' is not week or month");
        }

        if (format is not (null or "json" or "csv"))
        {
            return ApiProblems.Invalid(context, "format", $"'{format}' is not json or csv");
        }

        var rows = await stats.GetAsync(parsed, context.RequestAborted).ConfigureAwait(false);
        return format == "csv"
            ? TypedResults.Text(Csv(rows), "text/csv", Encoding.UTF8)
            : TypedResults.Ok(new { period = period ?? "week", rows });
    }

    public static bool TryPeriod(string? text, out StatPeriod period)
    {
        period = text switch
        {
            null or "week" => StatPeriod.Week,
            "month" => StatPeriod.Month,
            _ => (StatPeriod)(-1),
        };
        return Enum.IsDefined(period);
    }

    /// <summary>One row per aggregate: period, measure, the dimensions as name=value pairs, count.</summary>
    private static string Csv(IReadOnlyList<StatRow> rows)
    {
        var csv = new StringBuilder("period,measure,dimensions,count\n");
        foreach (var row in rows)
        {
            csv.Append(row.Period).Append(',').Append(row.Measure).Append(',')
                .Append(Quote(string.Join("; ", row.Dimensions.Select(d => d.Key + "=" + d.Value)))).Append(',')
                .Append(row.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        return csv.ToString();
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
