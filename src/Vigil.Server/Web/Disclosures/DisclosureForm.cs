using System.Globalization;
using Microsoft.AspNetCore.Http;
using Vigil.Server.Disclosures;
using Vigil.Server.Web.Response;

namespace Vigil.Server.Web.Disclosures;

/// <summary>
/// The publish form's fields as a <see cref="DisclosureInput"/>: samples one per line, the dataset as lines of
/// <c>platform,account id,handle,created,followers</c>, object ids by comma or line, and one box confirming that the
/// listed objects marked above TLP:CLEAR are re-marked TLP:CLEAR. Errors come back keyed by the form field they belong to.
/// </summary>
public sealed record DisclosureForm
{
    public string? Title { get; init; }
    public string? Narrative { get; init; }
    public string? Actor { get; init; }
    public string? Accounts { get; init; }
    public string? Pages { get; init; }
    public string? Groups { get; init; }
    public string? Followers { get; init; }
    public string? AdSpend { get; init; }
    public string? AdCurrency { get; init; }
    public string? ActivityFrom { get; init; }
    public string? ActivityTo { get; init; }
    public string? Samples { get; init; }
    public string? Dataset { get; init; }
    public bool IdentifiersPublic { get; init; }
    public string? ObjectIds { get; init; }
    public bool ConfirmClear { get; init; }

    public static DisclosureForm Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new DisclosureForm
        {
            Title = FormValues.Text(form, "title"),
            Narrative = FormValues.Text(form, "narrative"),
            Actor = FormValues.Text(form, "actor"),
            Accounts = FormValues.Text(form, "accounts"),
            Pages = FormValues.Text(form, "pages"),
            Groups = FormValues.Text(form, "groups"),
            Followers = FormValues.Text(form, "followers"),
            AdSpend = FormValues.Text(form, "adSpend"),
            AdCurrency = FormValues.Text(form, "adCurrency"),
            ActivityFrom = FormValues.Text(form, "activityFrom"),
            ActivityTo = FormValues.Text(form, "activityTo"),
            Samples = FormValues.Text(form, "samples"),
            Dataset = FormValues.Text(form, "dataset"),
            IdentifiersPublic = FormValues.Text(form, "identifiersPublic") is "on" or "true",
            ObjectIds = FormValues.Text(form, "objectIds"),
            ConfirmClear = FormValues.Text(form, "confirmClear") is "on" or "true",
        };
    }

    /// <summary>The input for <see cref="DisclosureService"/>, or the errors of fields that are not even numbers or rows.</summary>
    public (DisclosureInput Input, Dictionary<string, string[]> Errors) ToInput()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var counts = new DisclosureCountsInput(Number(Accounts, "accounts", errors), Number(Pages, "pages", errors), Number(Groups, "groups", errors),
            Number(Followers, "followers", errors), Money(AdSpend, errors), string.IsNullOrWhiteSpace(AdCurrency) ? null : AdCurrency.Trim());
        var dataset = new List<DisclosureAccountInput>();
        var lines = (Dataset ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries).Where(l => l.Length > 0).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i == 0 && lines[i].StartsWith("platform,", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var cells = lines[i].Split(',', StringSplitOptions.TrimEntries);
            if (cells.Length != 5 || !long.TryParse(cells[4].Length == 0 ? "0" : cells[4], NumberStyles.None, CultureInfo.InvariantCulture, out var followers))
            {
                errors["dataset"] = [$"line {i + 1}: give five values, platform,account id,handle,created (yyyy-MM-dd or empty),followers"];
                break;
            }

            dataset.Add(new DisclosureAccountInput(cells[0], cells[1], cells[2], cells[3], followers));
        }

        var objectIds = FormValues.Split(ObjectIds);
        return (new DisclosureInput
        {
            Title = Title,
            Narrative = Narrative,
            Actor = Actor,
            Counts = counts,
            ActivityFrom = ActivityFrom,
            ActivityTo = ActivityTo,
            Samples = [.. (Samples ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
            Dataset = dataset,
            IdentifiersPublic = IdentifiersPublic,
            ObjectIds = objectIds,
            ConfirmClear = ConfirmClear ? objectIds : [],
        }, errors);
    }

    /// <summary>Service errors under the form field that shows them: <c>counts.adSpend</c> at adSpend, <c>dataset[2].created</c> at dataset (line 3).</summary>
    public static IReadOnlyDictionary<string, string[]> ByField(IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, messages) in errors)
        {
            var (field, prefix) = key switch
            {
                _ when key.StartsWith("counts.", StringComparison.Ordinal) => (key["counts.".Length..], string.Empty),
                _ when key.StartsWith("dataset[", StringComparison.Ordinal) => ("dataset", Line(key)),
                _ when key.StartsWith("confirmClear", StringComparison.Ordinal) => ("objectIds", string.Empty),
                _ => (key.Split('[', '.')[0], string.Empty),
            };
            if (!fields.TryGetValue(field, out var list))
            {
                fields[field] = list = [];
            }

            list.AddRange(messages.Select(m => prefix + m));
        }

        return fields.ToDictionary(f => f.Key, f => f.Value.ToArray(), StringComparer.Ordinal);
    }

    private static string Line(string key)
    {
        var close = key.IndexOf(']', StringComparison.Ordinal);
        var index = int.Parse(key["dataset[".Length..close], CultureInfo.InvariantCulture);
        return $"row {index + 1} {key[(close + 2)..]}: ";
    }

    private static long? Number(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors[field] = [$"'{text}' is not a whole number"];
        return null;
    }

    private static decimal? Money(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors["adSpend"] = [$"'{text}' is not an amount such as 1250.50"];
        return null;
    }
}
