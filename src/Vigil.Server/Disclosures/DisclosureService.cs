using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Vigil.Core.Sharing;
using Vigil.Server.Access;
using Vigil.Server.Cases;
using Vigil.Server.Rest;
using Vigil.Storage.Disclosures;
using Vigil.Storage.Members;

namespace Vigil.Server.Disclosures;

/// <summary>
/// Checks a disclosure before it goes public and carries it to the store, for the REST endpoint and the case page alike,
/// naming the field that is wrong; and reads disclosures for the public with their publisher's name.
/// </summary>
public sealed partial class DisclosureService(SqlDisclosureStore store, IMemberStore members, ReadableCollections readable)
{
    public const int MaxTitle = 200;
    public const int MaxNarrative = 50_000;
    public const int MaxSamples = 100;
    public const int MaxSample = 5_000;
    public const int MaxObjects = 100;
    public const int MaxDataset = 100_000;

    public SqlDisclosureStore Store => store;

    public async Task<DisclosureOutcome> PublishAsync(Caller caller, HttpContext context, string caseId, DisclosureInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var title = Text(input.Title, "title", MaxTitle, required: true, errors);
        var narrative = Text(input.Narrative, "narrative", MaxNarrative, required: true, errors);
        var actor = Text(input.Actor, "actor", MaxTitle, required: false, errors);
        var counts = Counts(input.Counts, errors);
        var from = Date(input.ActivityFrom, "activityFrom", errors);
        var to = Date(input.ActivityTo, "activityTo", errors);
        if (from is { } start && to is { } end && end < start)
        {
            errors["activityTo"] = ["the end of the activity is before its start"];
        }

        var samples = new List<string>();
        var sampleTexts = input.Samples ?? [];
        if (sampleTexts.Count > MaxSamples)
        {
            errors["samples"] = [$"at most {MaxSamples} samples"];
        }

        for (var i = 0; i < sampleTexts.Count && i < MaxSamples; i++)
        {
            if (Text(sampleTexts[i], $"samples[{i}]", MaxSample, required: false, errors) is { } sample)
            {
                samples.Add(sample);
            }
        }

        var dataset = Dataset(input.Dataset ?? [], errors);
        var objectIds = Clean(input.ObjectIds);
        if (objectIds.Count > MaxObjects)
        {
            errors["objectIds"] = [$"at most {MaxObjects} objects"];
        }

        for (var i = 0; i < objectIds.Count; i++)
        {
            if (!StixId().IsMatch(objectIds[i]))
            {
                errors[$"objectIds[{i}]"] = [$"'{objectIds[i]}' is not a STIX object id (type--UUID)"];
            }
        }

        var confirmed = Clean(input.ConfirmClear);
        for (var i = 0; i < confirmed.Count; i++)
        {
            if (!objectIds.Contains(confirmed[i]))
            {
                errors[$"confirmClear[{i}]"] = [$"'{confirmed[i]}' is not among objectIds"];
            }
        }

        if (errors.Count > 0)
        {
            return new DisclosureOutcome { Errors = errors };
        }

        var collections = (await readable.ForAsync(context).ConfigureAwait(false)).Select(c => c.Id).ToList();
        var result = await store.PublishAsync(caller.Reader, collections, caseId, new NewDisclosure
        {
            Title = title!,
            Narrative = narrative!,
            Actor = actor,
            Counts = counts,
            ActivityFrom = from,
            ActivityTo = to,
            Samples = samples,
            Accounts = dataset,
            IdentifiersPublic = input.IdentifiersPublic,
            ObjectIds = objectIds,
            ConfirmedClearObjectIds = confirmed,
        }, cancellationToken).ConfigureAwait(false);
        var field = result.ObjectId is { } objectId ? $"objectIds[{objectIds.IndexOf(objectId)}]" : "objectIds";
        return result.Outcome switch
        {
            PublishOutcome.Published => new DisclosureOutcome
            {
                Value = DisclosureView.From(result.Disclosure!, caller.Organization.Name, withObjects: true),
                CaseDisclosed = result.CaseDisclosed,
            },
            PublishOutcome.NotAPlatform => new DisclosureOutcome { Forbidden = "Only a platform organization that is party to the case publishes its takedown disclosure." },
            PublishOutcome.ObjectNotVisible => Invalid(field, $"you may not see an object '{result.ObjectId}'; publish objects shared with you"),
            PublishOutcome.NeedsClearConfirmation => Invalid(field,
                $"'{result.ObjectId}' is marked {Tlp.NameOf(result.ObjectTlp!.Value)}; a disclosure is public, so publishing re-marks it TLP:CLEAR. " +
                "Confirm the re-marking (confirmClear) or leave the object out."),
            _ => new DisclosureOutcome { NotFound = CaseService.NoCase(caseId) },
        };
    }

    /// <summary>A page of the public index with publisher names.</summary>
    public async Task<DisclosureIndex> IndexAsync(string? q, int page, int pageSize, CancellationToken cancellationToken)
    {
        var offset = (int)Math.Min(int.MaxValue, Math.Max(0, ((long)page - 1) * pageSize));
        var found = await store.ListAsync(new DisclosureQuery(q, offset, pageSize), cancellationToken).ConfigureAwait(false);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var items = new List<DisclosureView>();
        foreach (var disclosure in found.Items)
        {
            items.Add(DisclosureView.From(disclosure, await PublisherAsync(disclosure.OrgId, names, cancellationToken).ConfigureAwait(false), withObjects: false));
        }

        return new DisclosureIndex(items, found.Total, page, pageSize, string.IsNullOrWhiteSpace(q) ? null : q.Trim());
    }

    /// <summary>The public disclosure with its objects, or null.</summary>
    public async Task<DisclosureView?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } disclosure)
        {
            return null;
        }

        return DisclosureView.From(disclosure, await PublisherAsync(disclosure.OrgId, [], cancellationToken).ConfigureAwait(false), withObjects: true);
    }

    private async Task<string> PublisherAsync(string orgId, Dictionary<string, string> names, CancellationToken cancellationToken)
    {
        if (!names.TryGetValue(orgId, out var name))
        {
            name = (await members.GetOrganizationAsync(orgId, cancellationToken).ConfigureAwait(false))?.Name ?? orgId;
            names[orgId] = name;
        }

        return name;
    }

    private static DisclosureOutcome Invalid(string field, string message) =>
        new() { Errors = new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] } };

    private static DisclosureCounts Counts(DisclosureCountsInput? input, Dictionary<string, string[]> errors)
    {
        if (input is null)
        {
            errors["counts"] = ["give the counts of accounts, pages, groups and followers the takedown covered"];
            return new DisclosureCounts(0, 0, 0, 0);
        }

        long Count(long? value, string name)
        {
            if (value is < 0)
            {
                errors["counts." + name] = ["a count is zero or more"];
            }

            return Math.Max(0, value ?? 0);
        }

        var accounts = Count(input.Accounts, "accounts");
        var pages = Count(input.Pages, "pages");
        var groups = Count(input.Groups, "groups");
        var followers = Count(input.Followers, "followers");
        string? currency = null;
        if (input.AdSpend is { } spend)
        {
            if (spend < 0)
            {
                errors["counts.adSpend"] = ["ad spend is zero or more"];
            }

            if (input.AdCurrency?.Trim() is not { } code || !Currency().IsMatch(code))
            {
                errors["counts.adCurrency"] = ["with an ad spend, give its currency as an ISO 4217 code such as USD or EUR"];
            }
            else
            {
                currency = code.ToUpperInvariant();
            }
        }
        else if (!string.IsNullOrWhiteSpace(input.AdCurrency))
        {
            errors["counts.adSpend"] = ["a currency was given without an ad spend"];
        }

        return new DisclosureCounts(accounts, pages, groups, followers, input.AdSpend, currency);
    }

    private static List<DisclosedAccount> Dataset(IReadOnlyList<DisclosureAccountInput> rows, Dictionary<string, string[]> errors)
    {
        var accounts = new List<DisclosedAccount>();
        if (rows.Count > MaxDataset)
        {
            errors["dataset"] = [$"at most {MaxDataset} accounts"];
            return accounts;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var field = $"dataset[{i}]";
            var before = errors.Count;
            var platform = Text(row?.Platform, field + ".platform", 100, required: true, errors);
            var accountId = Text(row?.AccountId, field + ".accountId", 200, required: true, errors);
            var handle = Text(row?.Handle, field + ".handle", 200, required: false, errors);
            var created = Date(row?.Created, field + ".created", errors);
            if (row?.Followers is < 0)
            {
                errors[field + ".followers"] = ["a count is zero or more"];
            }

            if (errors.Count == before)
            {
                accounts.Add(new DisclosedAccount(platform!, accountId!, handle ?? string.Empty, created, row!.Followers ?? 0));
            }
            else if (errors.Count >= 20)
            {
                break;
            }
        }

        return accounts;
    }

    private static DateOnly? Date(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = [$"'{text}' is not a date (yyyy-MM-dd)"];
        return null;
    }

    private static List<string> Clean(IReadOnlyList<string>? items) =>
        [.. (items ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct(StringComparer.Ordinal)];

    private static string? Text(string? value, string field, int max, bool required, Dictionary<string, string[]> errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                errors[field] = ["this is required"];
            }

            return null;
        }

        if (text.Length > max)
        {
            errors[field] = [$"at most {max} characters"];
        }

        return text;
    }

    [GeneratedRegex("^[A-Za-z]{3}$")]
    private static partial Regex Currency();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex StixId();
}
