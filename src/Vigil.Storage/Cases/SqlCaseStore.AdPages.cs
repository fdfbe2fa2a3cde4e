using System.Globalization;
using Vigil.Core.Sharing;

namespace Vigil.Storage.Cases;

/// <summary>
/// Ad-library pages named by cases. Like everything about a case, a link is seen only by the case's parties: the
/// reverse lookup (which cases name this page) carries the party test too, so the public ad library never learns of it.
/// </summary>
public sealed partial class SqlCaseStore
{
    /// <summary>Names an ad-library page on the case; a second naming of the same page changes nothing.</summary>
    public Task<CaseChange> NameAdPageAsync(Reader reader, string id, string platform, string pageId, string note, CancellationToken cancellationToken = default) =>
        ChangeAsPartyAsync(reader, id, async w =>
        {
            var added = await CaseSql.ExecuteAsync(w.Connection, w.Transaction,
                "INSERT INTO case_ad_pages (case_id, platform, page_id, org_id, user_id, note, added_at) VALUES (@id, @platform, @page, @me, @user, @note, @at) " +
                "ON CONFLICT DO NOTHING", w.CancellationToken,
                ("@id", id), ("@platform", platform), ("@page", pageId), ("@me", w.Me), ("@user", reader.UserId), ("@note", note), ("@at", w.At)).ConfigureAwait(false);
            return added > 0 ? (CaseEventKinds.AdPageNamed, $"named ad page {platform}/{pageId}") : null;
        }, cancellationToken);

    /// <summary>The ad pages the case names, in the order named; empty for a reader who is not a party.</summary>
    public Task<IReadOnlyList<CaseAdPage>> AdPagesAsync(Reader reader, string id, CancellationToken cancellationToken = default) =>
        ReadAsPartyAsync(reader, id,
            "SELECT p.case_id, p.platform, p.page_id, p.org_id, p.user_id, p.note, p.added_at FROM case_ad_pages p WHERE p.case_id = @id AND " + PartyOf("p.case_id") +
            " ORDER BY p.added_at, p.platform, p.page_id",
            r => new CaseAdPage(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), CaseSql.NullableString(r, 4), r.GetString(5), CaseSql.Time(r, 6)),
            cancellationToken);

    /// <summary>The cases naming an ad page that the reader is party to, newest first; empty for anyone else and for the public.</summary>
    public async Task<IReadOnlyList<CaseRecord>> NamingAdPageAsync(Reader reader, string platform, string pageId, int limit = 100, CancellationToken cancellationToken = default)
    {
        if (CaseSql.OrgOf(reader) is not { } me)
        {
            return [];
        }

        // The naming cases in one query, then the parties, assignees and elections of all of them in one query each.
        var naming = "EXISTS (SELECT 1 FROM case_ad_pages p WHERE p.case_id = c.id AND p.platform = @platform AND p.page_id = @page) AND " + PartyOf("c.id") +
            " ORDER BY c.created_at DESC, c.id DESC LIMIT " + Math.Clamp(limit, 1, 1000).ToString(CultureInfo.InvariantCulture);
        var ofNaming = "case_id IN (SELECT c.id FROM cases c WHERE " + naming + ")";
        (string, object?)[] parameters = [("@platform", platform), ("@page", pageId), ("@me", me)];
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var cases = await CaseSql.ReadAsync(connection, null, Columns + "WHERE " + naming, Read, cancellationToken, parameters).ConfigureAwait(false);
        if (cases.Count == 0)
        {
            return [];
        }

        var parties = (await CaseSql.ReadAsync(connection, null, "SELECT case_id, org_id FROM case_parties WHERE " + ofNaming + " ORDER BY added_at, org_id",
            r => (Case: r.GetString(0), Org: r.GetString(1)), cancellationToken, parameters).ConfigureAwait(false)).ToLookup(p => p.Case, p => p.Org, StringComparer.Ordinal);
        var assignees = (await CaseSql.ReadAsync(connection, null, "SELECT case_id, org_id, user_id, assigned_at FROM case_assignees WHERE " + ofNaming + " ORDER BY org_id",
            r => (Case: r.GetString(0), Assignee: new CaseAssignee(r.GetString(1), r.GetString(2), CaseSql.Time(r, 3))), cancellationToken, parameters).ConfigureAwait(false))
            .ToLookup(a => a.Case, a => a.Assignee, StringComparer.Ordinal);
        var elections = (await CaseSql.ReadAsync(connection, null, "SELECT case_id, election_id FROM case_elections WHERE " + ofNaming + " ORDER BY election_id",
            r => (Case: r.GetString(0), Election: r.GetString(1)), cancellationToken, parameters).ConfigureAwait(false)).ToLookup(e => e.Case, e => e.Election, StringComparer.Ordinal);
        return [.. cases.Select(c => c with { PartyOrgIds = [.. parties[c.Id]], Assignees = [.. assignees[c.Id]], ElectionIds = [.. elections[c.Id]] })];
    }
}
