using System.Globalization;

namespace Vigil.Correlation.Sources;

/// <summary>Field parsers shared by the importers; each failure adds an issue naming the line and field.</summary>
internal static class RowParsing
{
    public static bool TryHost(string text, int line, string field, List<ImportIssue> issues, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? host, out string? pathPrefix)
    {
        pathPrefix = null;
        if (text.Length == 0)
        {
            host = null;
            issues.Add(new ImportIssue(line, field, "the domain is empty"));
            return false;
        }

        if (!SourceHost.TryParse(text, out host, out var path, out var error))
        {
            issues.Add(new ImportIssue(line, field, $"'{text}': {error}"));
            return false;
        }

        if (!host.Contains('.', StringComparison.Ordinal))
        {
            issues.Add(new ImportIssue(line, field, $"'{text}' has no dot; a domain such as example.com is expected"));
            return false;
        }

        var trimmed = path.TrimEnd('/');
        pathPrefix = trimmed.Length > 0 ? trimmed.ToLowerInvariant() : null;
        return true;
    }

    public static bool TryUnitScore(string text, int line, string field, List<ImportIssue> issues, out double value)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || double.IsNaN(value))
        {
            issues.Add(new ImportIssue(line, field, $"'{text}' is not a number"));
            return false;
        }

        if (value is < 0 or > 1)
        {
            issues.Add(new ImportIssue(line, field, $"{text} is outside 0-1"));
            return false;
        }

        return true;
    }

    public static bool IsWebUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
