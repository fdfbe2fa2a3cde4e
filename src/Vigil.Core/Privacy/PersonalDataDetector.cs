using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Vigil.Core.Privacy;

/// <summary>
/// Finds obvious personal data — email addresses, phone numbers, IP addresses, payment card numbers that pass the
/// Luhn check — in the free-text properties of a STIX object and of the objects nested in it. Structured values
/// (a pattern, an <c>ipv4-addr</c>'s <c>value</c>) are not free text: they are classed by <c>x_vigil_content_class</c>.
/// </summary>
public static partial class PersonalDataDetector
{
    /// <summary>The properties read as free text; custom <c>x_</c> string properties count too, except Vigil's own.</summary>
    private static readonly HashSet<string> FreeText = new(StringComparer.Ordinal)
    {
        "name", "description", "content", "abstract", "explanation", "opinion", "body", "subject", "summary", "comment", "note",
    };

    public static IReadOnlyList<PersonalDataFinding> Scan(JsonObject stix, string path = "")
    {
        ArgumentNullException.ThrowIfNull(stix);
        List<PersonalDataFinding>? findings = null;
        ScanObject(stix, path, ref findings);
        return findings is null ? [] : findings;
    }

    /// <summary>The kinds of personal data in one text, each once, in the order of <see cref="PersonalDataKind"/>.</summary>
    public static IReadOnlyList<PersonalDataKind> Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<PersonalDataKind>? kinds = null;
        if (text.Contains('@', StringComparison.Ordinal) && EmailPattern().IsMatch(text))
        {
            (kinds ??= []).Add(PersonalDataKind.EmailAddress);
        }

        var digits = 0;
        foreach (var c in text)
        {
            digits += c is >= '0' and <= '9' ? 1 : 0;
        }

        if (digits >= 7 && (PhonePattern().IsMatch(text) || NanpPattern().IsMatch(text)))
        {
            (kinds ??= []).Add(PersonalDataKind.PhoneNumber);
        }

        if ((digits >= 4 && Ipv4Pattern().IsMatch(text)) || HasIpv6(text))
        {
            (kinds ??= []).Add(PersonalDataKind.IpAddress);
        }

        if (digits >= 13 && HasCardNumber(text))
        {
            (kinds ??= []).Add(PersonalDataKind.PaymentCard);
        }

        return kinds is null ? [] : kinds;
    }

    private static void ScanObject(JsonObject json, string path, ref List<PersonalDataFinding>? findings)
    {
        foreach (var (key, node) in json)
        {
            // Paths are built only where something is scanned: most properties are neither nested nor free text.
            switch (node)
            {
                case JsonObject child:
                    ScanObject(child, Join(path, key), ref findings);
                    break;
                case JsonArray array:
                    ScanArray(array, Join(path, key), IsFreeText(key), ref findings);
                    break;
                case JsonValue value when IsFreeText(key) && value.GetValueKind() == JsonValueKind.String:
                    if (Detect(value.GetValue<string>()) is { Count: > 0 } kinds)
                    {
                        Add(kinds, Join(path, key), ref findings);
                    }

                    break;
            }
        }
    }

    private static void ScanArray(JsonArray array, string path, bool freeText, ref List<PersonalDataFinding>? findings)
    {
        for (var i = 0; i < array.Count; i++)
        {
            switch (array[i])
            {
                case JsonObject child:
                    ScanObject(child, $"{path}[{i}]", ref findings);
                    break;
                case JsonValue value when freeText && value.GetValueKind() == JsonValueKind.String:
                    if (Detect(value.GetValue<string>()) is { Count: > 0 } kinds)
                    {
                        Add(kinds, $"{path}[{i}]", ref findings);
                    }

                    break;
            }
        }
    }

    private static bool IsFreeText(string key) =>
        FreeText.Contains(key) || (key.StartsWith("x_", StringComparison.Ordinal) && !key.StartsWith("x_vigil_", StringComparison.Ordinal));

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    private static void Add(IReadOnlyList<PersonalDataKind> kinds, string path, ref List<PersonalDataFinding>? findings)
    {
        for (var i = 0; i < kinds.Count; i++)
        {
            (findings ??= []).Add(new PersonalDataFinding(kinds[i], path));
        }
    }

    private static bool HasIpv6(string text)
    {
        if (text.IndexOf(':', StringComparison.Ordinal) < 0)
        {
            return false;
        }

        foreach (Match match in Ipv6Candidate().Matches(text))
        {
            if (IPAddress.TryParse(match.ValueSpan, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasCardNumber(string text)
    {
        foreach (Match match in CardPattern().Matches(text))
        {
            if (Luhn.IsValid(match.ValueSpan))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    /// <summary>International form: a plus sign and 8 to 15 digits with spaces, dots, dashes or brackets between.</summary>
    [GeneratedRegex(@"(?<![\w+])\+\d(?:[\s().-]?\d){7,14}(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    /// <summary>North American form: (555) 010-4477, 555-010-4477, 555.010.4477.</summary>
    [GeneratedRegex(@"(?<![\w.-])(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\w-]|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NanpPattern();

    [GeneratedRegex(@"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\w]|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv4Pattern();

    [GeneratedRegex(@"(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv6Candidate();

    /// <summary>13 to 19 digits, optionally grouped by single spaces or dashes.</summary>
    [GeneratedRegex(@"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])", RegexOptions.CultureInvariant)]
    private static partial Regex CardPattern();
}
