using Vigil.Core.Sharing;

namespace Vigil.Storage.Cases;

/// <summary>
/// Ad-library pages named by cases. Like everything about a case, a link is seen only by the case's parties: the
/// reverse lookup (which cases name this page) carries the party test too, so the public ad library never learns of it.
/// </summary>
public sealed partial class SqlCaseStore
{
    /// <summary>Names an ad-library page on the case; a second naming of the same page changes nothing.</summary>
    public async Task<CaseChange> NameAdPageAsync(Reader reader, string id, string platform, string pageId, string note, CancellationToken cancellationToken = default)
    {
        if (CaseSql.OrgOf(reader) is not { } me)
        {
            return CaseChange.NotFound;
        }

        await using var lease = await database.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (await CaseSql.ScalarAsync(connection, transaction, "SELECT count(*) FROM cases c WHERE c.id = @id AND " + PartyOf("c.id"), cancellationToken,
                ("@id", id), ("@me", me)).ConfigureAwait(false) == 0)
        {
            return CaseChange.NotFound;
        }

        var at = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var added = await CaseSql.ExecuteAsync(connection, transaction,
            "INSERT INTO case_ad_pages (case_id, platform, page_id, org_id, user_id, note, added_at) VALUES (@id, @platform, @page, @me, @user, @note, @at) " +
            "ON CONFLICT DO NOTHING", cancellationToken,
            ("@id", id), ("@platform", platform), ("@page", pageId), ("@me", me), ("@user", reader.UserId), ("@note", note), ("@at", at)).ConfigureAwait(false);
        if (added > 0)
        {
            await AddEventAsync(connection, transaction, id, at, me, reader.UserId, CaseEventKinds.AdPageNamed, $"named ad page {platform}/{pageId}", cancellationToken)
                .ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return CaseChange.Done;
    }

    /// <summary>The ad pages the case names, in the order named; empty for a reader who is not a party.</summary>
    public async Task<IReadOnlyList<CaseAdPage>> AdPagesAsync(Reader reader, string id, CancellationToken cancellationToken = default)
    {
        if (CaseSql.OrgOf(reader) is not { } me)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await CaseSql.ReadAsync(connection, null,
            "SELECT p.case_id, p.platform, p.page_id, p.org_id, p.user_id, p.note, p.added_at FROM case_ad_pages p WHERE p.case_id = @id AND " + PartyOf("p.case_id") +
            " ORDER BY p.added_at, p.platform, p.page_id",
            r => new CaseAdPage(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), CaseSql.NullableString(r, 4), r.GetString(5), CaseSql.Time(r, 6)),
            cancellationToken, ("@id", id), ("@me", me)).ConfigureAwait(false);
    }

    /// <summary>The cases naming an ad page that the reader is party to, newest first; empty for anyone else and for the public.</summary>
    public async Task<IReadOnlyList<CaseRecord>> NamingAdPageAsync(Reader reader, string platform, string pageId, int limit = 100, CancellationToken cancellationToken = default)
    {
        if (CaseSql.OrgOf(reader) is not { } me)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var ids = await CaseSql.ReadAsync(connection, null,
            "SELECT DISTINCT p.case_id FROM case_ad_pages p WHERE p.platform = @platform AND p.page_id = @page AND " + PartyOf("p.case_id"),
            r => r.GetString(0), cancellationToken, ("@platform", platform), ("@page", pageId), ("@me", me)).ConfigureAwait(false);
        var cases = new List<CaseRecord>(ids.Count);
        foreach (var caseId in ids)
        {
            if (await GetAsync(reader, caseId, cancellationToken).ConfigureAwait(false) is { } found)
            {
                cases.Add(found);
            }
        }

        return [.. cases.OrderByDescending(c => c.CreatedAt).Take(Math.Clamp(limit, 1, 1000))];
    }
}
