using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Vigil.Core.Sharing;
using Vigil.Server.Access;
using Vigil.Server.Privacy;
using Vigil.Server.Rest;
using Vigil.Storage.Cases;
using Vigil.Storage.Members;

namespace Vigil.Server.Cases;

/// <summary>
/// Checks input for cases, requests and elections and carries it to the stores, for the REST endpoints and the web pages
/// alike. Visibility is the stores' business (party tests in SQL); this class names the field that is wrong, and puts what crosses
/// to other organizations (requests, responses, comments, attachments) through the data-minimization policy.
/// </summary>
public sealed partial class CaseService(SqlCaseStore cases, SqlRequestStore requests, SqlElectionStore elections, IMemberStore members, ReadableCollections readable,
    MessagePolicyGuard guard)
{
    public const int MaxTitle = 200;
    public const int MaxText = 20_000;
    public const int MaxItems = 100;

    public SqlCaseStore Cases => cases;

    public SqlRequestStore Requests => requests;

    public SqlElectionStore Elections => elections;

    public async Task<CaseOutcome<CaseRecord>> CreateCaseAsync(Caller caller, CaseInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var title = Text(input.Title, "title", MaxTitle, required: true, errors);
        var summary = Text(input.Summary, "summary", MaxText, required: false, errors);
        var type = Choice<CaseType>(input.Type, "type", errors);
        var severity = Choice<CaseSeverity>(input.Severity, "severity", errors);
        var places = new List<Jurisdiction>();
        var jurisdictions = input.Jurisdictions ?? [];
        Limit(jurisdictions.Count, "jurisdictions", errors);
        for (var i = 0; i < jurisdictions.Count; i++)
        {
            var place = jurisdictions[i];
            if (place?.Country is not { } country || !CountryCode().IsMatch(country.Trim()))
            {
                errors[$"jurisdictions[{i}].country"] = ["a two-letter ISO 3166-1 country code such as US or DE"];
            }
            else if (place.State is { Length: > 100 })
            {
                errors[$"jurisdictions[{i}].state"] = ["at most 100 characters"];
            }
            else
            {
                places.Add(new Jurisdiction(country.Trim().ToUpperInvariant(), string.IsNullOrWhiteSpace(place.State) ? null : place.State.Trim()));
            }
        }

        var dates = new List<DateOnly>();
        var dateTexts = input.AffectedDates ?? [];
        Limit(dateTexts.Count, "affectedDates", errors);
        for (var i = 0; i < dateTexts.Count; i++)
        {
            if (DateOnly.TryParseExact(dateTexts[i]?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                dates.Add(date);
            }
            else
            {
                errors[$"affectedDates[{i}]"] = [$"'{dateTexts[i]}' is not a date (yyyy-MM-dd)"];
            }
        }

        var electionIds = Clean(input.ElectionIds);
        Limit(electionIds.Count, "electionIds", errors);
        var known = await elections.ExistingAsync(electionIds, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < electionIds.Count; i++)
        {
            if (!known.Contains(electionIds[i]))
            {
                errors[$"electionIds[{i}]"] = [$"'{electionIds[i]}' is not an election on the calendar"];
            }
        }

        var parties = Clean(input.PartyOrgIds);
        Limit(parties.Count, "partyOrgIds", errors);
        await CheckOrganizationsAsync(parties, "partyOrgIds", errors, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            return CaseOutcome<CaseRecord>.Invalid(errors);
        }

        var created = await cases.CreateAsync(caller.Reader, new NewCase
        {
            Title = title!,
            Type = type,
            Severity = severity,
            Summary = summary ?? string.Empty,
            Jurisdictions = places,
            AffectedDates = dates,
            ElectionIds = electionIds,
            PartyOrgIds = parties,
        }, cancellationToken).ConfigureAwait(false);
        return CaseOutcome<CaseRecord>.Ok(created);
    }

    public async Task<CaseOutcome<CaseStatus>> ChangeStatusAsync(Caller caller, string id, StatusInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var to = Choice<CaseStatus>(input.Status, "status", errors);
        CaseStatus? expected = null;
        if (!string.IsNullOrWhiteSpace(input.Expected))
        {
            expected = Choice<CaseStatus>(input.Expected, "expected", errors);
        }

        if (errors.Count > 0)
        {
            return CaseOutcome<CaseStatus>.Invalid(errors);
        }

        return await cases.ChangeStatusAsync(caller.Reader, id, to, expected, cancellationToken).ConfigureAwait(false) switch
        {
            CaseChange.Done => CaseOutcome<CaseStatus>.Ok(to),
            CaseChange.IllegalTransition => CaseOutcome<CaseStatus>.Invalid("status",
                $"the case cannot move to {EnumNames.Of(to)} from where it is now; see the case for its next statuses"),
            CaseChange.StaleStatus => CaseOutcome<CaseStatus>.Conflicting("expected: the case is no longer in that status; reload it and try again"),
            _ => CaseOutcome<CaseStatus>.Missing(NoCase(id)),
        };
    }

    public async Task<CaseOutcome<string>> AssignAsync(Caller caller, string id, AssignInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrWhiteSpace(input.UserName))
        {
            return CaseOutcome<string>.Invalid("userName", "name a user of your organization");
        }

        var user = await members.FindUserByNameAsync(input.UserName.Trim(), cancellationToken).ConfigureAwait(false);
        if (user is null || user.OrgId != caller.Organization.Id || user.Disabled)
        {
            return CaseOutcome<string>.Invalid("userName", $"'{input.UserName}' is not an active user of your organization");
        }

        return await cases.AssignAsync(caller.Reader, id, user.Id, cancellationToken).ConfigureAwait(false) == CaseChange.Done
            ? CaseOutcome<string>.Ok(user.Id)
            : CaseOutcome<string>.Missing(NoCase(id));
    }

    public async Task<CaseOutcome<string>> AddPartyAsync(Caller caller, string id, PartyInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var org = input.OrgId?.Trim() ?? string.Empty;
        await CheckOrganizationsAsync([org], "orgId", errors, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            return CaseOutcome<string>.Invalid("orgId", $"'{input.OrgId}' is not a member organization");
        }

        return await cases.AddPartyAsync(caller.Reader, id, org, cancellationToken).ConfigureAwait(false) == CaseChange.Done
            ? CaseOutcome<string>.Ok(org)
            : CaseOutcome<string>.Missing(NoCase(id));
    }

    public async Task<CaseOutcome<CaseComment>> CommentAsync(Caller caller, string id, CommentInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var body = Text(input.Body, "body", MaxText, required: true, errors);
        var tlp = Marking(input.Tlp, "tlp", errors);
        if (errors.Count > 0)
        {
            return CaseOutcome<CaseComment>.Invalid(errors);
        }

        if (await cases.GetAsync(caller.Reader, id, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return CaseOutcome<CaseComment>.Missing(NoCase(id));
        }

        var check = await guard.CheckAsync(caller.Reader, caller.Organization.Id, [], new MessageFlow
        {
            SubjectId = id, ToOrgIds = found.PartyOrgIds, Texts = [("body", body!)], ContentClass = input.ContentClass, LegalProcess = input.LegalProcess,
        }, cancellationToken).ConfigureAwait(false);
        if (!check.Allowed)
        {
            return CaseOutcome<CaseComment>.From(check);
        }

        return await cases.CommentAsync(caller.Reader, id, body!, tlp, cancellationToken).ConfigureAwait(false) is { } comment
            ? CaseOutcome<CaseComment>.Ok(comment)
            : CaseOutcome<CaseComment>.Missing(NoCase(id));
    }

    /// <summary>The platform upper-cased and the page id trimmed, or the field that is wrong.</summary>
    public static ((string Platform, string PageId) Page, (string Field, string Message)? Problem) AdPage(string? platform, string? pageId)
    {
        var p = platform?.Trim().ToUpperInvariant() ?? string.Empty;
        var id = pageId?.Trim() ?? string.Empty;
        if (!AdPlatform().IsMatch(p))
        {
            return ((p, id), ("platform", "a publisher platform as the ad library writes it, such as FACEBOOK or SNAPCHAT (letters, digits and _)"));
        }

        return AdPageId().IsMatch(id)
            ? ((p, id), null)
            : ((p, id), ("pageId", "the page id of the ad library (1 to 100 letters, digits, '.', '_' or '-')"));
    }

    public async Task<CaseOutcome<string>> NameAdPageAsync(Caller caller, string id, AdPageInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var note = Text(input.Note, "note", 2000, required: false, errors) ?? string.Empty;
        var (page, problem) = AdPage(input.Platform, input.PageId);
        if (problem is { } wrong)
        {
            errors[wrong.Field] = [wrong.Message];
        }

        if (errors.Count > 0)
        {
            return CaseOutcome<string>.Invalid(errors);
        }

        return await cases.NameAdPageAsync(caller.Reader, id, page.Platform, page.PageId, note, cancellationToken).ConfigureAwait(false) == CaseChange.Done
            ? CaseOutcome<string>.Ok(page.Platform + "/" + page.PageId)
            : CaseOutcome<string>.Missing(NoCase(id));
    }

    public async Task<CaseOutcome<string>> AttachAsync(Caller caller, HttpContext context, string id, AttachInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var note = Text(input.Note, "note", 2000, required: false, errors) ?? string.Empty;
        if (input.ObjectId?.Trim() is not { } objectId || !StixId().IsMatch(objectId))
        {
            errors["objectId"] = ["a STIX object id (type--UUID)"];
        }

        if (errors.Count > 0)
        {
            return CaseOutcome<string>.Invalid(errors);
        }

        if (await cases.GetAsync(caller.Reader, id, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return CaseOutcome<string>.Missing(NoCase(id));
        }

        var collections = await CollectionIdsAsync(context).ConfigureAwait(false);
        var check = await guard.CheckAsync(caller.Reader, caller.Organization.Id, collections, new MessageFlow
        {
            SubjectId = input.ObjectId!.Trim(), ToOrgIds = found.PartyOrgIds, Objects = [("objectId", input.ObjectId.Trim())], LegalProcess = input.LegalProcess,
        }, cancellationToken).ConfigureAwait(false);
        if (!check.Allowed)
        {
            return CaseOutcome<string>.From(check);
        }

        return await cases.AttachAsync(caller.Reader, collections, id, input.ObjectId!.Trim(), note, cancellationToken).ConfigureAwait(false) switch
        {
            CaseChange.Done => CaseOutcome<string>.Ok(input.ObjectId.Trim()),
            CaseChange.NotVisible => CaseOutcome<string>.Invalid("objectId", $"you may not see an object '{input.ObjectId.Trim()}'; attach objects shared with you"),
            _ => CaseOutcome<string>.Missing(NoCase(id)),
        };
    }

    public async Task<CaseOutcome<MemberRequest>> SendRequestAsync(Caller caller, HttpContext context, RequestInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var kind = Choice<RequestKind>(input.Kind, "kind", errors);
        var subject = Text(input.Subject, "subject", MaxTitle, required: true, errors);
        var body = Text(input.Body, "body", MaxText, required: false, errors);
        var tlp = Marking(input.Tlp, "tlp", errors);
        var recipients = Clean(input.RecipientOrgIds);
        if (recipients.Count == 0)
        {
            errors["recipientOrgIds"] = ["name at least one member organization to send the request to"];
        }
        else if (recipients.Contains(caller.Organization.Id))
        {
            errors["recipientOrgIds"] = ["a request goes to other organizations, not your own"];
        }

        Limit(recipients.Count, "recipientOrgIds", errors);
        await CheckOrganizationsAsync(recipients, "recipientOrgIds", errors, cancellationToken).ConfigureAwait(false);
        var objects = Clean(input.ObjectIds);
        Limit(objects.Count, "objectIds", errors);
        for (var i = 0; i < objects.Count; i++)
        {
            if (!StixId().IsMatch(objects[i]))
            {
                errors[$"objectIds[{i}]"] = [$"'{objects[i]}' is not a STIX object id (type--UUID)"];
            }
        }

        DateTimeOffset? deadline = null;
        if (!string.IsNullOrWhiteSpace(input.Deadline))
        {
            if (DateTimeOffset.TryParse(input.Deadline.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                deadline = parsed;
            }
            else
            {
                errors["deadline"] = [$"'{input.Deadline}' is not a date and time (ISO 8601, such as 2026-11-02T18:00Z)"];
            }
        }

        var caseId = string.IsNullOrWhiteSpace(input.CaseId) ? null : input.CaseId.Trim();
        if (errors.Count > 0)
        {
            return CaseOutcome<MemberRequest>.Invalid(errors);
        }

        var collections = await CollectionIdsAsync(context).ConfigureAwait(false);
        var check = await guard.CheckAsync(caller.Reader, caller.Organization.Id, collections, new MessageFlow
        {
            SubjectId = "request--" + Guid.NewGuid().ToString("D"),
            ToOrgIds = recipients,
            Texts = [("subject", subject!), ("body", body ?? string.Empty)],
            Objects = [.. objects.Select((o, i) => ($"objectIds[{i}]", o))],
            ContentClass = input.ContentClass,
            LegalProcess = input.LegalProcess,
        }, cancellationToken).ConfigureAwait(false);
        if (!check.Allowed)
        {
            return CaseOutcome<MemberRequest>.From(check);
        }

        var sent = await requests.SendAsync(caller.Reader, collections, new NewMemberRequest
        {
            Kind = kind,
            RecipientOrgIds = recipients,
            Subject = subject!,
            Body = body ?? string.Empty,
            Tlp = tlp,
            ObjectIds = objects,
            Deadline = deadline,
            CaseId = caseId,
            LegalProcess = check.LegalProcess,
        }, cancellationToken).ConfigureAwait(false);
        if (sent.Request is { } request)
        {
            return CaseOutcome<MemberRequest>.Ok(request);
        }

        if (sent.CaseNotFound)
        {
            return CaseOutcome<MemberRequest>.Invalid("caseId", $"you are not party to a case '{caseId}'");
        }

        return CaseOutcome<MemberRequest>.Invalid(sent.HiddenObjectIds.ToDictionary(
            o => $"objectIds[{objects.IndexOf(o)}]", o => new[] { $"you may not see an object '{o}'; a request carries only objects shared with you" },
            StringComparer.Ordinal));
    }

    public async Task<CaseOutcome<RequestResponse>> RespondAsync(Caller caller, string id, ResponseInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var note = Text(input.Note, "note", MaxText, required: false, errors) ?? string.Empty;
        var actions = new List<ResponseAction>();
        var given = input.Actions ?? [];
        if (given.Count == 0)
        {
            errors["actions"] = ["record at least one action (accounts-removed, content-labeled, content-reduced, ads-rejected or no-action with a reason)"];
        }

        Limit(given.Count, "actions", errors);
        for (var i = 0; i < given.Count; i++)
        {
            var item = given[i];
            if (!EnumNames.TryParse<ResponseActionKind>(item?.Action, out var action))
            {
                errors[$"actions[{i}].action"] = [$"'{item?.Action}' is not one of {EnumNames.List<ResponseActionKind>()}"];
                continue;
            }

            if (item!.Count is not { } count || count < 0)
            {
                errors[$"actions[{i}].count"] = ["a count of 0 or more"];
                continue;
            }

            if (action == ResponseActionKind.NoAction && string.IsNullOrWhiteSpace(item.Reason))
            {
                errors[$"actions[{i}].reason"] = ["say why no action was taken"];
                continue;
            }

            if (item.Reason is { Length: > 2000 })
            {
                errors[$"actions[{i}].reason"] = ["at most 2000 characters"];
                continue;
            }

            actions.Add(new ResponseAction(action, count, string.IsNullOrWhiteSpace(item.Reason) ? null : item.Reason.Trim()));
        }

        if (errors.Count > 0)
        {
            return CaseOutcome<RequestResponse>.Invalid(errors);
        }

        if (await requests.GetAsync(caller.Reader, id, cancellationToken).ConfigureAwait(false) is not { } request)
        {
            return CaseOutcome<RequestResponse>.Missing(NoRequest(id));
        }

        var check = await guard.CheckAsync(caller.Reader, caller.Organization.Id, [], new MessageFlow
        {
            SubjectId = id,
            ToOrgIds = [request.FromOrg, .. request.Recipients.Select(r => r.OrgId)],
            Texts = [("note", note), .. actions.Select((a, i) => ($"actions[{i}].reason", a.Reason ?? string.Empty))],
            ContentClass = input.ContentClass,
            StandingLegalProcess = request.LegalProcess,
        }, cancellationToken).ConfigureAwait(false);
        if (!check.Allowed)
        {
            return CaseOutcome<RequestResponse>.From(check);
        }

        var (answer, response) = await requests.RespondAsync(caller.Reader, id, note, actions, cancellationToken).ConfigureAwait(false);
        return answer switch
        {
            RequestAnswer.Done => CaseOutcome<RequestResponse>.Ok(response!),
            RequestAnswer.Closed => CaseOutcome<RequestResponse>.Conflicting("the sender has closed this request"),
            RequestAnswer.NotARecipient => CaseOutcome<RequestResponse>.Conflicting("only a recipient of the request responds to it"),
            _ => CaseOutcome<RequestResponse>.Missing(NoRequest(id)),
        };
    }

    public async Task<CaseOutcome<Election>> CreateElectionAsync(Caller caller, ElectionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = Text(input.Name, "name", MaxTitle, required: true, errors);
        var region = Text(input.Region, "region", 100, required: false, errors);
        if (input.Country?.Trim() is not { } country || !CountryCode().IsMatch(country))
        {
            errors["country"] = ["a two-letter ISO 3166-1 country code such as US or DE"];
        }

        if (!DateOnly.TryParseExact(input.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors["date"] = ["the election day as yyyy-MM-dd"];
        }

        if (errors.Count > 0)
        {
            return CaseOutcome<Election>.Invalid(errors);
        }

        return CaseOutcome<Election>.Ok(await elections.CreateAsync(caller.Organization.Id, name!, input.Country!.Trim(), region, date, cancellationToken).ConfigureAwait(false));
    }

    public static string NoCase(string id) => $"id: there is no case '{id}' that your organization is party to.";

    public static string NoRequest(string id) => $"id: there is no request '{id}' that your organization sent or received.";

    private async Task<IReadOnlyList<string>> CollectionIdsAsync(HttpContext context) =>
        [.. (await readable.ForAsync(context).ConfigureAwait(false)).Select(c => c.Id)];

    private async Task CheckOrganizationsAsync(IReadOnlyList<string> ids, string field, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (await members.GetOrganizationAsync(ids[i], cancellationToken).ConfigureAwait(false) is null)
            {
                errors[$"{field}[{i}]"] = [$"'{ids[i]}' is not a member organization"];
            }
        }
    }

    private static List<string> Clean(IReadOnlyList<string>? items) =>
        [.. (items ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct(StringComparer.Ordinal)];

    private static void Limit(int count, string field, Dictionary<string, string[]> errors)
    {
        if (count > MaxItems)
        {
            errors[field] = [$"at most {MaxItems} items"];
        }
    }

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

    private static T Choice<T>(string? value, string field, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (EnumNames.TryParse<T>(value, out var parsed))
        {
            return parsed;
        }

        errors[field] = [string.IsNullOrWhiteSpace(value) ? $"choose one of {EnumNames.List<T>()}" : $"'{value}' is not one of {EnumNames.List<T>()}"];
        return default;
    }

    private static TlpLevel Marking(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return TlpLevel.Amber;
        }

        var text = value.Trim();
        if (text.StartsWith("TLP:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..].Replace('+', '-');
        }

        return Choice<TlpLevel>(text, field, errors);
    }

    [GeneratedRegex("^[A-Za-z]{2}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex StixId();

    [GeneratedRegex("^[A-Z0-9_]{2,40}$")]
    private static partial Regex AdPlatform();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex AdPageId();
}
