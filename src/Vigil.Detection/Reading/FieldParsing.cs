using System.Globalization;
using Vigil.Detection.Activities;

namespace Vigil.Detection.Reading;

internal static class FieldParsing
{
    public static bool RequireTime(string? value, string field, long line, RowIssueLog log, out long time)
    {
        if (value is null)
        {
            log.Report(line, field, "missing timestamp");
            time = 0;
            return false;
        }

        if (!TimestampParser.TryParse(value, out time))
        {
            log.Report(line, field, $"unparseable timestamp '{Shorten(value)}'");
            return false;
        }

        return true;
    }

    public static long? OptionalTime(string? value, string field, long line, RowIssueLog log)
    {
        if (value is null)
        {
            return null;
        }

        if (TimestampParser.TryParse(value, out var time))
        {
            return time;
        }

        log.Report(line, field, $"unparseable date '{Shorten(value)}'");
        return null;
    }

    public static int? OptionalInt(string? value, string field, long line, RowIssueLog log)
    {
        if (value is null)
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number is >= 0 and <= int.MaxValue)
        {
            return (int)number;
        }

        log.Report(line, field, $"not a count: '{Shorten(value)}'");
        return null;
    }

    public static bool IsTrue(string? value) =>
        value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase));

    public static ActivityKind? ParseKind(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "post" or "tweet" or "original" => ActivityKind.Post,
        "reshare" or "retweet" or "share" or "repost" => ActivityKind.Reshare,
        "reply" or "comment" => ActivityKind.Reply,
        "quote" or "quote_tweet" => ActivityKind.Quote,
        _ => null,
    };

    public static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";

    /// <summary>Hashtags and mentions written in a post's text, for formats that do not list them.</summary>
    public static List<string>? Tokens(string? text, char prefix)
    {
        if (text is null || !text.Contains(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        List<string>? found = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != prefix || (i > 0 && char.IsLetterOrDigit(text[i - 1])))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }

            if (end > i + 1)
            {
                (found ??= []).Add(text.Substring(i + 1, end - i - 1));
            }

            i = end - 1;
        }

        return found;
    }
}
