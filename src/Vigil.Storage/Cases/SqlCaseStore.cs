using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Core.Sharing;
using Vigil.Storage.Database;

namespace Vigil.Storage.Cases;

/// <summary>
/// Cases on SQLite or PostgreSQL. Every statement carries the party test (<see cref="PartyOf"/>) in its WHERE clause,
/// so a reader whose organization is not a party gets nothing — not the row, not a count, not a different error.
/// </summary>
public sealed partial class SqlCaseStore(VigilDatabase database, TimeProvider? time = null)
{
    private const string Columns = "SELECT c.id, c.title, c.case_type, c.severity, c.summary, c.jurisdictions, c.affected_dates, c.status, c.status_by_org, " +
        "c.status_by_user, c.status_at, c.created_by_org, c.created_by_user, c.created_at FROM cases c ";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The party test for a case id column: the reader's organization (<c>@me</c>) is among the case's parties.</summary>
    private static string PartyOf(string caseIdColumn) =>
        $"EXISTS (SELECT 1 FROM case_parties me WHERE me.case_id = {caseIdColumn} AND me.org_id = @me)";

    /// <summary>
    /// Rows of one case for a reader who is a party to it, read with <paramref name="sql"/> (which filters on <c>@id</c> and
    /// <see cref="PartyOf"/>); empty for anyone else.
    /// </summary>
    private async Task<IReadOnlyList<T>> ReadAsPartyAsync<T>(Reader reader, string id, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        if (CaseSql.OrgOf(reader) is not { } me)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await CaseSql.ReadAsync(connection, null, sql, read, cancellationToken, ("@id", id), ("@me", me)).ConfigureAwait(false);
    }

    public async Task<CaseRecord> CreateAsync(Reader reader, NewCase input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var org = CaseSql.OrgOf(reader) ?? throw new InvalidOperationException("Only a member organization can open a case.");
        var now = _time.GetUtcNow();
        var at = now.ToUnixTimeMilliseconds();
        var id = "case--" + Guid.NewGuid().ToString("D");
        var parties = new[] { org }.Concat(input.PartyOrgIds).Distinct(StringComparer.Ordinal).ToList();
        var elections = input.ElectionIds.Distinct(StringComparer.Ordinal).ToList();
        await using var lease = await database.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await CaseSql.ExecuteAsync(connection, transaction,
            "INSERT INTO cases (id, title, case_type, severity, summary, jurisdictions, affected_dates, status, status_by_org, status_by_user, status_at, " +
            "created_by_org, created_by_user, created_at) VALUES (@id, @title, @type, @severity, @summary, @places, @dates, @status, @org, @user, @at, @org, @user, @at)",
            cancellationToken,
            ("@id", id), ("@title", input.Title), ("@type", EnumNames.Of(input.Type)), ("@severity", EnumNames.Of(input.Severity)),
            ("@summary", input.Summary), ("@places", JsonSerializer.Serialize(input.Jurisdictions)), ("@dates", JsonSerializer.Serialize(input.AffectedDates.Select(Iso))),
            ("@status", EnumNames.Of(CaseStatus.Reported)), ("@org", org), ("@user", reader.UserId), ("@at", at)).ConfigureAwait(false);
        foreach (var party in parties)
        {
            await CaseSql.ExecuteAsync(connection, transaction, "INSERT INTO case_parties (case_id, org_id, added_at, status) VALUES (@id, @org, @at, @status)", cancellationToken,
                ("@id", id), ("@org", party), ("@at", at), ("@status", EnumNames.Of(CaseStatus.Reported))).ConfigureAwait(false);
        }

        foreach (var election in elections)
        {
            await CaseSql.ExecuteAsync(connection, transaction, "INSERT INTO case_elections (case_id, election_id) VALUES (@id, @election)", cancellationToken,
                ("@id", id), ("@election", election)).ConfigureAwait(false);
        }

        await AddEventAsync(connection, transaction, id, at, org, reader.UserId, CaseEventKinds.Opened,
            $"opened as {EnumNames.Of(input.Severity)} {EnumNames.Of(input.Type)} with {parties.Count} part{(parties.Count == 1 ? "y" : "ies")}", cancellationToken)
            .ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new CaseRecord
        {
            Id = id,
            Title = input.Title,
            Type = input.Type,
            Severity = input.Severity,
            Summary = input.Summary,
            Jurisdictions = input.Jurisdictions,
            AffectedDates = input.AffectedDates,
            Status = CaseStatus.Reported,
            StatusByOrg = org,
            StatusByUser = reader.UserId,
            StatusAt = DateTimeOffset.FromUnixTimeMilliseconds(at),
            CreatedByOrg = org,
            CreatedByUser = reader.UserId,
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(at),
            PartyOrgIds = parties,
            ElectionIds = elections,
        };
    }

    /// <summary>The case with its parties, assignees and elections, or null when it does not exist or the reader is not a party.</summary>
    public async Task<CaseRecord?> GetAsync(Reader reader, string id, CancellationToken cancellationToken = default)
    {
        if (CaseSql.OrgOf(reader) is not { } me)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var found = await CaseSql.ReadAsync(connection, null, Columns + "WHERE c.id = @id AND " + PartyOf("c.id"), Read, cancellationToken,
            ("@id", id), ("@me", me)).ConfigureAwait(false);
        if (found.Count == 0)
        {
            return null;
        }

        var guard = " AND " + PartyOf("@id");
        var parties = await CaseSql.ReadAsync(connection, null, "SELECT org_id FROM case_parties WHERE case_id = @id" + guard + " ORDER BY added_at, org_id",
            r => r.GetString(0), cancellationToken, ("@id", id), ("@me", me)).ConfigureAwait(false);
        var assignees = await CaseSql.ReadAsync(connection, null, "SELECT org_id, user_id, assigned_at FROM case_assignees WHERE case_id = @id" + guard + " ORDER BY org_id",
            r => new CaseAssignee(r.GetString(0), r.GetString(1), CaseSql.Time(r, 2)), cancellationToken, ("@id", id), ("@me", me)).ConfigureAwait(false);
        var elections = await CaseSql.ReadAsync(connection, null, "SELECT election_id FROM case_elections WHERE case_id = @id" + guard + " ORDER BY election_id",
            r => r.GetString(0), cancellationToken, ("@id", id), ("@me", me)).ConfigureAwait(false);
        return found[0] with { PartyOrgIds = parties, Assignees = assignees, ElectionIds = elections };
    }

    /// <summary>The cases the reader is party to, newest first (without parties, assignees and elections: <see cref="GetAsync"/> has those).</summary>
    public async Task<IReadOnlyList<CaseRecord>> ListAsync(Reader reader, CaseQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (CaseSql.OrgOf(reader) is not { } me)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var (where, parameters) = Filter(query, me);
        var limit = Math.Clamp(query.Limit, 1, 1000).ToString(CultureInfo.InvariantCulture);
        return await CaseSql.ReadAsync(connection, null, Columns + where + " ORDER BY c.created_at DESC, c.id DESC LIMIT " + limit, Read, cancellationToken,
            [.. parameters]).ConfigureAwait(false);
    }

    /// <summary>How many cases matching the query the reader is party to.</summary>
    public async Task<long> CountAsync(Reader reader, CaseQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (CaseSql.OrgOf(reader) is not { } me)
        {
            return 0;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (query.Type is null && query.ElectionId is null)
        {
            // The party rows carry the status: one range of the (org_id, status) index, not a probe per case.
            return query.Status is { } status
                ? await CaseSql.ScalarAsync(connection, null, "SELECT count(*) FROM case_parties WHERE org_id = @me AND status = @status", cancellationToken,
                    ("@me", me), ("@status", EnumNames.Of(status))).ConfigureAwait(false)
                : await CaseSql.ScalarAsync(connection, null, "SELECT count(*) FROM case_parties WHERE org_id = @me", cancellationToken, ("@me", me)).ConfigureAwait(false);
        }

        var (where, parameters) = Filter(query, me);
        return await CaseSql.ScalarAsync(connection, null, "SELECT count(*) FROM cases c " + where, cancellationToken, [.. parameters]).ConfigureAwait(false);
    }

    private static (string Where, List<(string, object?)> Parameters) Filter(CaseQuery query, string me)
    {
        var sql = new StringBuilder("WHERE ").Append(PartyOf("c.id"));
        var parameters = new List<(string, object?)> { ("@me", me) };
        if (query.Status is { } status)
        {
            sql.Append(" AND c.status = @status");
            parameters.Add(("@status", EnumNames.Of(status)));
        }

        if (query.Type is { } type)
        {
            sql.Append(" AND c.case_type = @type");
            parameters.Add(("@type", EnumNames.Of(type)));
        }

        if (query.ElectionId is { } election)
        {
            sql.Append(" AND EXISTS (SELECT 1 FROM case_elections ce WHERE ce.case_id = c.id AND ce.election_id = @election)");
            parameters.Add(("@election", election));
        }

        return (sql.ToString(), parameters);
    }

    /// <summary>
    /// A change by a party of the case, on the writer in one transaction: <see cref="CaseChange.NotFound"/> unless the reader's
    /// organization is a party; otherwise runs <paramref name="write"/> and appends the timeline entry it returns (none when
    /// the write changed nothing) before committing.
    /// </summary>
    private async Task<CaseChange> ChangeAsPartyAsync(Reader reader, string id, Func<PartyWrite, Task<(string Kind, string Detail)?>> write,
        CancellationToken cancellationToken)
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
        if (await write(new PartyWrite(connection, transaction, me, at, cancellationToken)).ConfigureAwait(false) is { } entry)
        {
            await AddEventAsync(connection, transaction, id, at, me, reader.UserId, entry.Kind, entry.Detail, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return CaseChange.Done;
    }

    /// <summary>What a write by a party works with: the writer's transaction, the party's organization and the time of the change.</summary>
    private readonly record struct PartyWrite(DbConnection Connection, DbTransaction Transaction, string Me, long At, CancellationToken CancellationToken);

    private static async Task AddEventAsync(DbConnection connection, DbTransaction transaction, string caseId, long at, string org, string? user, string kind,
        string detail, CancellationToken cancellationToken) =>
        await CaseSql.ExecuteAsync(connection, transaction,
            "INSERT INTO case_events (case_id, at, org_id, user_id, kind, detail) VALUES (@case, @at, @org, @user, @kind, @detail)", cancellationToken,
            ("@case", caseId), ("@at", at), ("@org", org), ("@user", user), ("@kind", kind), ("@detail", detail)).ConfigureAwait(false);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static CaseRecord Read(DbDataReader row) => new()
    {
        Id = row.GetString(0),
        Title = row.GetString(1),
        Type = EnumNames.Parse<CaseType>(row.GetString(2)),
        Severity = EnumNames.Parse<CaseSeverity>(row.GetString(3)),
        Summary = row.GetString(4),
        Jurisdictions = JsonSerializer.Deserialize<List<Jurisdiction>>(row.GetString(5)) ?? [],
        AffectedDates = [.. (JsonSerializer.Deserialize<List<string>>(row.GetString(6)) ?? []).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture))],
        Status = EnumNames.Parse<CaseStatus>(row.GetString(7)),
        StatusByOrg = row.GetString(8),
        StatusByUser = CaseSql.NullableString(row, 9),
        StatusAt = CaseSql.Time(row, 10),
        CreatedByOrg = row.GetString(11),
        CreatedByUser = CaseSql.NullableString(row, 12),
        CreatedAt = CaseSql.Time(row, 13),
    };
}
