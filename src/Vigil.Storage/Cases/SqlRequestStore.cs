using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Vigil.Core.Sharing;
using Vigil.Storage.Database;

namespace Vigil.Storage.Cases;

/// <summary>
/// Requests between members and their responses on SQLite or PostgreSQL. Every statement carries the party test
/// (<see cref="PartyOf"/>: the reader's organization sent it or is a recipient) in SQL.
/// </summary>
public sealed class SqlRequestStore(VigilDatabase database, TimeProvider? time = null, Alerts.SqlEventOutbox? outbox = null)
{
    private const string Columns = "SELECT r.id, r.from_org, r.from_user, r.kind, r.subject, r.body, r.tlp, r.deadline, r.status, r.case_id, r.created_at, r.legal_process FROM member_requests r ";
    private const string Recipient = "EXISTS (SELECT 1 FROM request_recipients me WHERE me.request_id = {0} AND me.org_id = @me)";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private static string PartyOf(string alias) => $"({alias}.from_org = @me OR {string.Format(CultureInfo.InvariantCulture, Recipient, alias + ".id")})";

    private static string PartyOfId(string idColumn) =>
        $"EXISTS (SELECT 1 FROM member_requests pr WHERE pr.id = {idColumn} AND {PartyOf("pr")})";

    /// <summary>
    /// Stores the request when the sender may see every object it carries (in <paramref name="collectionIds"/>) and, when it names
    /// a case, is party to that case. The caller checks that the recipients exist.
    /// </summary>
    public async Task<RequestSent> SendAsync(Reader reader, IReadOnlyList<string> collectionIds, NewMemberRequest input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(collectionIds);
        var me = CaseSql.OrgOf(reader) ?? throw new InvalidOperationException("Only a member organization can send a request.");
        var objects = input.ObjectIds.Distinct(StringComparer.Ordinal).ToList();
        await using (var read = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            var visible = await CaseSql.VisibleObjectsAsync(read, database.IsSqlite, reader, collectionIds, objects, cancellationToken).ConfigureAwait(false);
            var hidden = objects.Where(o => !visible.Contains(o)).ToList();
            if (hidden.Count > 0)
            {
                return new RequestSent(null, hidden, CaseNotFound: false);
            }

            if (input.CaseId is { } caseId && await CaseSql.ScalarAsync(read, null,
                    "SELECT count(*) FROM case_parties WHERE case_id = @case AND org_id = @me", cancellationToken, ("@case", caseId), ("@me", me)).ConfigureAwait(false) == 0)
            {
                return new RequestSent(null, [], CaseNotFound: true);
            }
        }

        var at = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var id = "request--" + Guid.NewGuid().ToString("D");
        var recipients = input.RecipientOrgIds.Where(o => o != me).Distinct(StringComparer.Ordinal).ToList();
        await using var lease = await database.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await CaseSql.ExecuteAsync(connection, transaction,
            "INSERT INTO member_requests (id, from_org, from_user, kind, subject, body, tlp, deadline, status, case_id, created_at, updated_at, legal_process) " +
            "VALUES (@id, @me, @user, @kind, @subject, @body, @tlp, @deadline, @status, @case, @at, @at, @legal)", cancellationToken,
            ("@id", id), ("@me", me), ("@user", reader.UserId), ("@kind", EnumNames.Of(input.Kind)), ("@subject", input.Subject), ("@body", input.Body),
            ("@tlp", (int)input.Tlp), ("@deadline", input.Deadline?.ToUnixTimeMilliseconds()), ("@status", EnumNames.Of(RequestStatus.Open)),
            ("@case", input.CaseId), ("@at", at), ("@legal", input.LegalProcess is { } legal ? JsonSerializer.Serialize(legal, Json) : null)).ConfigureAwait(false);
        foreach (var org in recipients)
        {
            await CaseSql.ExecuteAsync(connection, transaction, "INSERT INTO request_recipients (request_id, org_id) VALUES (@id, @org)", cancellationToken,
                ("@id", id), ("@org", org)).ConfigureAwait(false);
        }

        foreach (var objectId in objects)
        {
            await CaseSql.ExecuteAsync(connection, transaction, "INSERT INTO request_objects (request_id, object_id) VALUES (@id, @object)", cancellationToken,
                ("@id", id), ("@object", objectId)).ConfigureAwait(false);
        }

        await AppendEventAsync(connection, transaction, Vigil.Core.Events.HubEventKinds.RequestSent,
            new Vigil.Core.Events.RequestEvent(id, me, recipients, EnumNames.Of(input.Kind), null, DateTimeOffset.FromUnixTimeMilliseconds(at), input.LegalProcess), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new RequestSent(new MemberRequest
        {
            Id = id,
            FromOrg = me,
            FromUser = reader.UserId,
            Kind = input.Kind,
            Subject = input.Subject,
            Body = input.Body,
            Tlp = input.Tlp,
            Deadline = input.Deadline is { } deadline ? DateTimeOffset.FromUnixTimeMilliseconds(deadline.ToUnixTimeMilliseconds()) : null,
            Status = RequestStatus.Open,
            CaseId = input.CaseId,
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(at),
            LegalProcess = input.LegalProcess,
            Recipients = [.. recipients.Select(r => new RequestRecipient(r, null))],
            ObjectIds = objects,
        }, [], CaseNotFound: false);
    }

    /// <summary>The request with its recipients and objects, or null when it does not exist or the reader neither sent nor received it.</summary>
    public async Task<MemberRequest?> GetAsync(Reader reader, string id, CancellationToken cancellationToken = default)
    {
        if (CaseSql.OrgOf(reader) is not { } me)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var found = await CaseSql.ReadAsync(connection, null, Columns + "WHERE r.id = @id AND " + PartyOf("r"), Read, cancellationToken, ("@id", id), ("@me", me))
            .ConfigureAwait(false);
        if (found.Count == 0)
        {
            return null;
        }

        var guard = " AND " + PartyOfId("@id");
        var recipients = await CaseSql.ReadAsync(connection, null, "SELECT org_id, responded_at FROM request_recipients WHERE request_id = @id" + guard + " ORDER BY org_id",
            r => new RequestRecipient(r.GetString(0), r.IsDBNull(1) ? null : CaseSql.Time(r, 1)), cancellationToken, ("@id", id), ("@me", me)).ConfigureAwait(false);
        var objects = await CaseSql.ReadAsync(connection, null, "SELECT object_id FROM request_objects WHERE request_id = @id" + guard + " ORDER BY object_id",
            r => r.GetString(0), cancellationToken, ("@id", id), ("@me", me)).ConfigureAwait(false);
        return found[0] with { Recipients = recipients, ObjectIds = objects };
    }

    /// <summary>The reader's inbox (requests it received) or outbox (requests it sent), newest first, optionally of one status.</summary>
    public async Task<IReadOnlyList<MemberRequest>> ListAsync(Reader reader, RequestBox box, RequestStatus? status = null, int limit = 100,
        CancellationToken cancellationToken = default)
    {
        if (CaseSql.OrgOf(reader) is not { } me)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var (where, parameters) = Filter(box, status, me);
        return await CaseSql.ReadAsync(connection, null,
            Columns + where + " ORDER BY r.created_at DESC, r.id DESC LIMIT " + Math.Clamp(limit, 1, 1000).ToString(CultureInfo.InvariantCulture),
            Read, cancellationToken, [.. parameters]).ConfigureAwait(false);
    }

    public async Task<long> CountAsync(Reader reader, RequestBox box, RequestStatus? status = null, CancellationToken cancellationToken = default)
    {
        if (CaseSql.OrgOf(reader) is not { } me)
        {
            return 0;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var (where, parameters) = Filter(box, status, me);
        return await CaseSql.ScalarAsync(connection, null, "SELECT count(*) FROM member_requests r " + where, cancellationToken, [.. parameters]).ConfigureAwait(false);
    }

    /// <summary>The requests of a case that the reader sent or received (a party to the case sees only those).</summary>
    public async Task<IReadOnlyList<MemberRequest>> ForCaseAsync(Reader reader, string caseId, CancellationToken cancellationToken = default)
    {
        if (CaseSql.OrgOf(reader) is not { } me)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await CaseSql.ReadAsync(connection, null, Columns + "WHERE r.case_id = @case AND " + PartyOf("r") + " ORDER BY r.created_at, r.id", Read,
            cancellationToken, ("@case", caseId), ("@me", me)).ConfigureAwait(false);
    }

    /// <summary>Records a recipient's response; when every recipient has responded the request is answered.</summary>
    public async Task<(RequestAnswer Answer, RequestResponse? Response)> RespondAsync(Reader reader, string id, string note, IReadOnlyList<ResponseAction> actions,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (CaseSql.OrgOf(reader) is not { } me)
        {
            return (RequestAnswer.NotFound, null);
        }

        await using var lease = await database.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var found = await CaseSql.ReadAsync(connection, transaction, Columns + "WHERE r.id = @id AND " + PartyOf("r"), Read, cancellationToken, ("@id", id), ("@me", me))
            .ConfigureAwait(false);
        if (found.Count == 0)
        {
            return (RequestAnswer.NotFound, null);
        }

        if (found[0].Status == RequestStatus.Closed)
        {
            return (RequestAnswer.Closed, null);
        }

        var at = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var marked = await CaseSql.ExecuteAsync(connection, transaction,
            "UPDATE request_recipients SET responded_at = COALESCE(responded_at, @at) WHERE request_id = @id AND org_id = @me", cancellationToken,
            ("@at", at), ("@id", id), ("@me", me)).ConfigureAwait(false);
        if (marked == 0)
        {
            return (RequestAnswer.NotARecipient, null);
        }

        var seqs = await CaseSql.ReadAsync(connection, transaction,
            "INSERT INTO request_responses (request_id, org_id, user_id, note, actions, created_at) VALUES (@id, @me, @user, @note, @actions, @at) RETURNING seq",
            r => r.GetInt64(0), cancellationToken, ("@id", id), ("@me", me), ("@user", reader.UserId), ("@note", note),
            ("@actions", JsonSerializer.Serialize(actions.Select(a => new StoredAction(EnumNames.Of(a.Action), a.Count, a.Reason)), Json)), ("@at", at))
            .ConfigureAwait(false);
        var waiting = await CaseSql.ScalarAsync(connection, transaction, "SELECT count(*) FROM request_recipients WHERE request_id = @id AND responded_at IS NULL",
            cancellationToken, ("@id", id)).ConfigureAwait(false);
        await CaseSql.ExecuteAsync(connection, transaction, "UPDATE member_requests SET status = @status, updated_at = @at WHERE id = @id", cancellationToken,
            ("@status", EnumNames.Of(waiting == 0 ? RequestStatus.Answered : RequestStatus.Open)), ("@at", at), ("@id", id)).ConfigureAwait(false);
        await AppendEventAsync(connection, transaction, Vigil.Core.Events.HubEventKinds.RequestAnswered,
            new Vigil.Core.Events.RequestEvent(id, found[0].FromOrg, [me], EnumNames.Of(found[0].Kind), Outcome(actions), DateTimeOffset.FromUnixTimeMilliseconds(at)),
            cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (RequestAnswer.Done, new RequestResponse(seqs[0], id, me, reader.UserId, note, actions, DateTimeOffset.FromUnixTimeMilliseconds(at)));
    }

    /// <summary>The sender closes its request; recipients cannot respond after that.</summary>
    public async Task<RequestAnswer> CloseAsync(Reader reader, string id, CancellationToken cancellationToken = default)
    {
        if (CaseSql.OrgOf(reader) is not { } me)
        {
            return RequestAnswer.NotFound;
        }

        await using var lease = await database.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        var at = _time.GetUtcNow().ToUnixTimeMilliseconds();
        if (await CaseSql.ExecuteAsync(connection, null, "UPDATE member_requests SET status = @status, updated_at = @at WHERE id = @id AND from_org = @me", cancellationToken,
                ("@status", EnumNames.Of(RequestStatus.Closed)), ("@at", at), ("@id", id), ("@me", me)).ConfigureAwait(false) > 0)
        {
            return RequestAnswer.Done;
        }

        // A recipient may see the request but not close it; anyone else learns nothing.
        return await CaseSql.ScalarAsync(connection, null, "SELECT count(*) FROM member_requests r WHERE r.id = @id AND " + PartyOf("r"), cancellationToken,
            ("@id", id), ("@me", me)).ConfigureAwait(false) > 0 ? RequestAnswer.NotARecipient : RequestAnswer.NotFound;
    }

    /// <summary>The responses to a request in order; empty for a reader who neither sent nor received it.</summary>
    public async Task<IReadOnlyList<RequestResponse>> ResponsesAsync(Reader reader, string id, CancellationToken cancellationToken = default)
    {
        if (CaseSql.OrgOf(reader) is not { } me)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await CaseSql.ReadAsync(connection, null,
            "SELECT s.seq, s.request_id, s.org_id, s.user_id, s.note, s.actions, s.created_at FROM request_responses s WHERE s.request_id = @id AND " +
            PartyOfId("s.request_id") + " ORDER BY s.seq",
            r => new RequestResponse(r.GetInt64(0), r.GetString(1), r.GetString(2), CaseSql.NullableString(r, 3), r.GetString(4), ReadActions(r.GetString(5)), CaseSql.Time(r, 6)),
            cancellationToken, ("@id", id), ("@me", me)).ConfigureAwait(false);
    }

    private static (string Where, List<(string, object?)> Parameters) Filter(RequestBox box, RequestStatus? status, string me)
    {
        var where = "WHERE " + (box == RequestBox.Outbox ? "r.from_org = @me" : string.Format(CultureInfo.InvariantCulture, Recipient, "r.id"));
        var parameters = new List<(string, object?)> { ("@me", me) };
        if (status is { } wanted)
        {
            where += " AND r.status = @status";
            parameters.Add(("@status", EnumNames.Of(wanted)));
        }

        return (where, parameters);
    }

    private static List<ResponseAction> ReadActions(string json) =>
        [.. (JsonSerializer.Deserialize<List<StoredAction>>(json, Json) ?? []).Select(a => new ResponseAction(EnumNames.Parse<ResponseActionKind>(a.Action), a.Count, a.Reason))];

    private static MemberRequest Read(DbDataReader row) => new()
    {
        Id = row.GetString(0),
        FromOrg = row.GetString(1),
        FromUser = CaseSql.NullableString(row, 2),
        Kind = EnumNames.Parse<RequestKind>(row.GetString(3)),
        Subject = row.GetString(4),
        Body = row.GetString(5),
        Tlp = (TlpLevel)row.GetInt32(6),
        Deadline = row.IsDBNull(7) ? null : CaseSql.Time(row, 7),
        Status = EnumNames.Parse<RequestStatus>(row.GetString(8)),
        CaseId = CaseSql.NullableString(row, 9),
        CreatedAt = CaseSql.Time(row, 10),
        LegalProcess = row.IsDBNull(11) ? null : JsonSerializer.Deserialize<Vigil.Core.Privacy.LegalProcessReference>(row.GetString(11), Json),
    };

    private sealed record StoredAction(string Action, long Count, string? Reason);

    /// <summary>The outcome as one token: the single kind of action taken, <c>several-actions</c>, or <c>no-action</c>.</summary>
    private static string Outcome(IReadOnlyList<ResponseAction> actions)
    {
        var kinds = actions.Select(a => a.Action).Distinct().ToList();
        return kinds.Count switch
        {
            0 => EnumNames.Of(ResponseActionKind.NoAction),
            1 => EnumNames.Of(kinds[0]),
            _ => "several-actions",
        };
    }

    /// <summary>Writes the event in the same transaction as the change, so the transparency log hears of every request exactly as it was stored.</summary>
    private async Task AppendEventAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string kind,
        Vigil.Core.Events.RequestEvent payload, CancellationToken cancellationToken)
    {
        if (outbox is not null)
        {
            await outbox.AppendAsync(connection, transaction, kind, JsonSerializer.Serialize(payload), cancellationToken).ConfigureAwait(false);
        }
    }
}
