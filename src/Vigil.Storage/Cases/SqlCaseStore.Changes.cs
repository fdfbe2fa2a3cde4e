using Vigil.Core.Sharing;

namespace Vigil.Storage.Cases;

/// <summary>Changes to a case by one of its parties, each written with its timeline entry in one transaction, and the timeline, comments and attachments.</summary>
public sealed partial class SqlCaseStore
{
    /// <summary>
    /// Moves the case to <paramref name="to"/> when the move is legal from its current status and, when
    /// <paramref name="expected"/> is given, the case is still there (two parties moving it at once: one wins).
    /// </summary>
    public async Task<CaseChange> ChangeStatusAsync(Reader reader, string id, CaseStatus to, CaseStatus? expected = null, CancellationToken cancellationToken = default)
    {
        if (CaseSql.OrgOf(reader) is not { } me)
        {
            return CaseChange.NotFound;
        }

        await using var lease = await database.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var current = await CaseSql.ReadAsync(connection, transaction, "SELECT c.status FROM cases c WHERE c.id = @id AND " + PartyOf("c.id"),
            r => EnumNames.Parse<CaseStatus>(r.GetString(0)), cancellationToken, ("@id", id), ("@me", me)).ConfigureAwait(false);
        if (current.Count == 0)
        {
            return CaseChange.NotFound;
        }

        var from = current[0];
        if (expected is { } wanted && wanted != from)
        {
            return CaseChange.StaleStatus;
        }

        if (!CaseWorkflow.CanMove(from, to))
        {
            return CaseChange.IllegalTransition;
        }

        var at = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var moved = await CaseSql.ExecuteAsync(connection, transaction,
            "UPDATE cases SET status = @to, status_by_org = @me, status_by_user = @user, status_at = @at WHERE id = @id AND status = @from AND " + PartyOf("cases.id"),
            cancellationToken, ("@to", EnumNames.Of(to)), ("@me", me), ("@user", reader.UserId), ("@at", at), ("@id", id), ("@from", EnumNames.Of(from)))
            .ConfigureAwait(false);
        if (moved == 0)
        {
            return CaseChange.StaleStatus;
        }

        await CaseSql.ExecuteAsync(connection, transaction, "UPDATE case_parties SET status = @to WHERE case_id = @id", cancellationToken,
            ("@to", EnumNames.Of(to)), ("@id", id)).ConfigureAwait(false);

        await AddEventAsync(connection, transaction, id, at, me, reader.UserId, CaseEventKinds.StatusChanged,
            $"{EnumNames.Of(from)} → {EnumNames.Of(to)}", cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return CaseChange.Done;
    }

    /// <summary>Puts a user of the reader's own organization on the case (replacing the organization's previous assignee).</summary>
    public Task<CaseChange> AssignAsync(Reader reader, string id, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsPartyAsync(reader, id, async w =>
        {
            await CaseSql.ExecuteAsync(w.Connection, w.Transaction, "DELETE FROM case_assignees WHERE case_id = @id AND org_id = @me", w.CancellationToken,
                ("@id", id), ("@me", w.Me)).ConfigureAwait(false);
            await CaseSql.ExecuteAsync(w.Connection, w.Transaction,
                "INSERT INTO case_assignees (case_id, org_id, user_id, assigned_at) VALUES (@id, @me, @user, @at)", w.CancellationToken,
                ("@id", id), ("@me", w.Me), ("@user", userId), ("@at", w.At)).ConfigureAwait(false);
            return (CaseEventKinds.Assigned, "assigned " + userId);
        }, cancellationToken);

    /// <summary>Makes another organization a party (it then sees the whole case). The caller checks that the organization exists.</summary>
    public Task<CaseChange> AddPartyAsync(Reader reader, string id, string orgId, CancellationToken cancellationToken = default) =>
        ChangeAsPartyAsync(reader, id, async w =>
        {
            var added = await CaseSql.ExecuteAsync(w.Connection, w.Transaction,
                "INSERT INTO case_parties (case_id, org_id, added_at, status) SELECT @id, @org, @at, c.status FROM cases c WHERE c.id = @id ON CONFLICT DO NOTHING",
                w.CancellationToken, ("@id", id), ("@org", orgId), ("@at", w.At)).ConfigureAwait(false);
            return added > 0 ? (CaseEventKinds.PartyAdded, "added party " + orgId) : null;
        }, cancellationToken);

    /// <summary>Adds a comment; null when the case does not exist or the reader is not a party.</summary>
    public async Task<CaseComment?> CommentAsync(Reader reader, string id, string body, TlpLevel tlp, CancellationToken cancellationToken = default)
    {
        if (CaseSql.OrgOf(reader) is not { } me)
        {
            return null;
        }

        await using var lease = await database.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var at = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var seqs = await CaseSql.ReadAsync(connection, transaction,
            "INSERT INTO case_comments (case_id, org_id, user_id, body, tlp, created_at) SELECT c.id, @me, @user, @body, @tlp, @at FROM cases c " +
            "WHERE c.id = @id AND " + PartyOf("c.id") + " RETURNING seq",
            r => r.GetInt64(0), cancellationToken, ("@id", id), ("@me", me), ("@user", reader.UserId), ("@body", body), ("@tlp", (int)tlp), ("@at", at))
            .ConfigureAwait(false);
        if (seqs.Count == 0)
        {
            return null;
        }

        await AddEventAsync(connection, transaction, id, at, me, reader.UserId, CaseEventKinds.Commented, $"commented ({Tlp.NameOf(tlp)})", cancellationToken)
            .ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new CaseComment(seqs[0], id, me, reader.UserId, body, tlp, DateTimeOffset.FromUnixTimeMilliseconds(at));
    }

    /// <summary>
    /// Attaches a STIX object the reader may see in <paramref name="collectionIds"/> (the sharing policy's own predicate decides):
    /// <see cref="CaseChange.NotVisible"/> when it may not, whether or not the object exists.
    /// </summary>
    public async Task<CaseChange> AttachAsync(Reader reader, IReadOnlyList<string> collectionIds, string id, string objectId, string note,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collectionIds);
        if (CaseSql.OrgOf(reader) is not { } me)
        {
            return CaseChange.NotFound;
        }

        await using (var read = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await CaseSql.ScalarAsync(read, null, "SELECT count(*) FROM cases c WHERE c.id = @id AND " + PartyOf("c.id"), cancellationToken,
                    ("@id", id), ("@me", me)).ConfigureAwait(false) == 0)
            {
                return CaseChange.NotFound;
            }

            if ((await CaseSql.VisibleObjectsAsync(read, database.IsSqlite, reader, collectionIds, [objectId], cancellationToken).ConfigureAwait(false)).Count == 0)
            {
                return CaseChange.NotVisible;
            }
        }

        return await ChangeAsPartyAsync(reader, id, async w =>
        {
            var added = await CaseSql.ExecuteAsync(w.Connection, w.Transaction,
                "INSERT INTO case_attachments (case_id, object_id, org_id, user_id, note, attached_at) VALUES (@id, @object, @me, @user, @note, @at) ON CONFLICT DO NOTHING",
                w.CancellationToken, ("@id", id), ("@object", objectId), ("@me", w.Me), ("@user", reader.UserId), ("@note", note), ("@at", w.At)).ConfigureAwait(false);
            return added > 0 ? (CaseEventKinds.Attached, "attached " + objectId) : null;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every event of the case in order; empty for a reader who is not a party.</summary>
    public Task<IReadOnlyList<CaseEvent>> TimelineAsync(Reader reader, string id, CancellationToken cancellationToken = default) =>
        ReadAsPartyAsync(reader, id,
            "SELECT e.seq, e.case_id, e.at, e.org_id, e.user_id, e.kind, e.detail FROM case_events e WHERE e.case_id = @id AND " + PartyOf("e.case_id") + " ORDER BY e.seq",
            r => new CaseEvent(r.GetInt64(0), r.GetString(1), CaseSql.Time(r, 2), r.GetString(3), CaseSql.NullableString(r, 4), r.GetString(5), r.GetString(6)),
            cancellationToken);

    /// <summary>The case's comments in order; empty for a reader who is not a party.</summary>
    public Task<IReadOnlyList<CaseComment>> CommentsAsync(Reader reader, string id, CancellationToken cancellationToken = default) =>
        ReadAsPartyAsync(reader, id,
            "SELECT k.seq, k.case_id, k.org_id, k.user_id, k.body, k.tlp, k.created_at FROM case_comments k WHERE k.case_id = @id AND " + PartyOf("k.case_id") +
            " ORDER BY k.seq",
            r => new CaseComment(r.GetInt64(0), r.GetString(1), r.GetString(2), CaseSql.NullableString(r, 3), r.GetString(4), (TlpLevel)r.GetInt32(5), CaseSql.Time(r, 6)),
            cancellationToken);

    /// <summary>The case's attachments in the order attached; empty for a reader who is not a party.</summary>
    public Task<IReadOnlyList<CaseAttachment>> AttachmentsAsync(Reader reader, string id, CancellationToken cancellationToken = default) =>
        ReadAsPartyAsync(reader, id,
            "SELECT a.case_id, a.object_id, a.org_id, a.user_id, a.note, a.attached_at FROM case_attachments a WHERE a.case_id = @id AND " + PartyOf("a.case_id") +
            " ORDER BY a.attached_at, a.object_id",
            r => new CaseAttachment(r.GetString(0), r.GetString(1), r.GetString(2), CaseSql.NullableString(r, 3), r.GetString(4), CaseSql.Time(r, 5)),
            cancellationToken);
}
