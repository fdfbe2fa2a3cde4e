using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Storage.Cases;
using Vigil.Storage.Database;
using Vigil.Storage.Objects;

namespace Vigil.Storage.Disclosures;

/// <summary>
/// Takedown disclosures on SQLite or PostgreSQL. Publishing is for a platform organization that is party to the case;
/// reading is public. Publishing moves the case to disclosed in the same transaction when the workflow allows it, and
/// writes its <see cref="Vigil.Core.Events.DisclosureEvent"/> to the outbox in that transaction too.
/// </summary>
public sealed class SqlDisclosureStore(VigilDatabase database, TimeProvider? time = null, Alerts.SqlEventOutbox? outbox = null)
{
    public const string PublishedEvent = Vigil.Core.Events.HubEventKinds.DisclosurePublished;

    private const string Columns = "SELECT d.id, d.case_id, d.org_id, d.title, d.narrative, d.actor, d.accounts, d.pages, d.groups_count, d.followers, d.ad_spend, " +
        "d.ad_currency, d.activity_from, d.activity_to, d.samples, d.identifiers_public, d.published_at, " +
        "(SELECT count(*) FROM disclosure_accounts a WHERE a.disclosure_id = d.id) FROM disclosures d ";

    private const string Party = "EXISTS (SELECT 1 FROM case_parties me WHERE me.case_id = @case AND me.org_id = @me)";

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private byte[]? _secret;

    public async Task<PublishResult> PublishAsync(Reader reader, IReadOnlyList<string> collectionIds, string caseId, NewDisclosure input,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(collectionIds);
        ArgumentNullException.ThrowIfNull(input);
        if (reader.OrgId is not { } me)
        {
            return new PublishResult(PublishOutcome.NotFound);
        }

        var objects = new List<DisclosedObject>();
        await using (var read = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await CaseSql.ScalarAsync(read, null, "SELECT count(*) FROM cases c WHERE c.id = @case AND " + Party, cancellationToken,
                    ("@case", caseId), ("@me", me)).ConfigureAwait(false) == 0)
            {
                return new PublishResult(PublishOutcome.NotFound);
            }

            var sector = await CaseSql.ReadAsync(read, null, "SELECT sector FROM organizations WHERE id = @me", r => r.GetString(0), cancellationToken, ("@me", me))
                .ConfigureAwait(false);
            if (sector.Count == 0 || !string.Equals(sector[0], nameof(Sector.Platform), StringComparison.Ordinal))
            {
                return new PublishResult(PublishOutcome.NotAPlatform);
            }

            foreach (var objectId in input.ObjectIds.Distinct(StringComparer.Ordinal))
            {
                await using var command = PolicyQueryBuilder.Scoped(read, database.IsSqlite, reader, collectionIds,
                    "SELECT o.type, o.tlp, o.json FROM stix_objects o WHERE o.object_id = @object AND o.is_latest = 1 AND {visible:o} ORDER BY o.seq DESC LIMIT 1");
                VigilDatabase.AddParameter(command, "@object", objectId);
                await using var row = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (!await row.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return new PublishResult(PublishOutcome.ObjectNotVisible, ObjectId: objectId);
                }

                var tlp = (TlpLevel)row.GetInt32(1);
                if (tlp > TlpLevel.Clear && !input.ConfirmedClearObjectIds.Contains(objectId, StringComparer.Ordinal))
                {
                    return new PublishResult(PublishOutcome.NeedsClearConfirmation, ObjectId: objectId, ObjectTlp: tlp);
                }

                objects.Add(new DisclosedObject(objectId, row.GetString(0), tlp, RemarkClear(row.GetString(2))));
            }
        }

        var at = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var id = "disclosure--" + Guid.NewGuid().ToString("D");
        await using var lease = await database.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var hasher = new AccountHasher(await SecretAsync(connection, transaction, cancellationToken).ConfigureAwait(false));
        var accounts = input.IdentifiersPublic ? input.Accounts : [.. input.Accounts.Select(hasher.Hash)];
        var counts = input.Counts;
        var inserted = await CaseSql.ExecuteAsync(connection, transaction,
            "INSERT INTO disclosures (id, case_id, org_id, user_id, title, narrative, actor, accounts, pages, groups_count, followers, ad_spend, ad_currency, " +
            "activity_from, activity_to, samples, identifiers_public, search_text, published_at) " +
            "SELECT @id, c.id, @me, @user, @title, @narrative, @actor, @accounts, @pages, @groups, @followers, @spend, @currency, @from, @to, @samples, @public, @search, @at " +
            "FROM cases c WHERE c.id = @case AND " + Party,
            cancellationToken, ("@id", id), ("@case", caseId), ("@me", me), ("@user", reader.UserId), ("@title", input.Title), ("@narrative", input.Narrative),
            ("@actor", input.Actor), ("@accounts", counts.Accounts), ("@pages", counts.Pages), ("@groups", counts.Groups), ("@followers", counts.Followers),
            ("@spend", counts.AdSpend?.ToString(CultureInfo.InvariantCulture)), ("@currency", counts.AdCurrency), ("@from", Iso(input.ActivityFrom)),
            ("@to", Iso(input.ActivityTo)), ("@samples", JsonSerializer.Serialize(input.Samples)), ("@public", input.IdentifiersPublic ? 1 : 0),
            ("@search", SearchText(input)), ("@at", at)).ConfigureAwait(false);
        if (inserted == 0)
        {
            return new PublishResult(PublishOutcome.NotFound);
        }

        for (var i = 0; i < accounts.Count; i++)
        {
            var account = accounts[i];
            await CaseSql.ExecuteAsync(connection, transaction,
                "INSERT INTO disclosure_accounts (disclosure_id, ordinal, platform, account_id, handle, created, followers) VALUES (@id, @n, @platform, @account, @handle, @created, @followers)",
                cancellationToken, ("@id", id), ("@n", i), ("@platform", account.Platform), ("@account", account.AccountId), ("@handle", account.Handle),
                ("@created", Iso(account.Created)), ("@followers", account.Followers)).ConfigureAwait(false);
        }

        foreach (var item in objects)
        {
            await CaseSql.ExecuteAsync(connection, transaction,
                "INSERT INTO disclosure_objects (disclosure_id, object_id, type, original_tlp, json) VALUES (@id, @object, @type, @tlp, @json)", cancellationToken,
                ("@id", id), ("@object", item.ObjectId), ("@type", item.Type), ("@tlp", (int)item.OriginalTlp), ("@json", item.Json)).ConfigureAwait(false);
        }

        await EventAsync(connection, transaction, caseId, at, me, reader.UserId, PublishedEvent, $"published disclosure {id}", cancellationToken).ConfigureAwait(false);
        var moved = await CaseSql.ExecuteAsync(connection, transaction,
            "UPDATE cases SET status = @to, status_by_org = @me, status_by_user = @user, status_at = @at WHERE id = @case AND status = @from", cancellationToken,
            ("@to", EnumNames.Of(CaseStatus.Disclosed)), ("@me", me), ("@user", reader.UserId), ("@at", at), ("@case", caseId),
            ("@from", EnumNames.Of(CaseStatus.Actioned))).ConfigureAwait(false) > 0;
        if (moved)
        {
            await EventAsync(connection, transaction, caseId, at, me, reader.UserId, CaseEventKinds.StatusChanged,
                $"{EnumNames.Of(CaseStatus.Actioned)} → {EnumNames.Of(CaseStatus.Disclosed)}", cancellationToken).ConfigureAwait(false);
        }

        if (outbox is not null)
        {
            var payload = new Vigil.Core.Events.DisclosureEvent(id, caseId, me, accounts.Count, input.IdentifiersPublic, objects.Count, DateTimeOffset.FromUnixTimeMilliseconds(at))
            {
                ObjectIds = [.. objects.Select(o => o.ObjectId)],
            };
            await outbox.AppendAsync(connection, transaction, Vigil.Core.Events.HubEventKinds.DisclosurePublished, JsonSerializer.Serialize(payload), cancellationToken)
                .ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var published = new Disclosure
        {
            Id = id,
            CaseId = caseId,
            OrgId = me,
            Title = input.Title,
            Narrative = input.Narrative,
            Actor = input.Actor,
            Counts = counts,
            ActivityFrom = input.ActivityFrom,
            ActivityTo = input.ActivityTo,
            Samples = input.Samples,
            IdentifiersPublic = input.IdentifiersPublic,
            DatasetAccounts = accounts.Count,
            PublishedAt = DateTimeOffset.FromUnixTimeMilliseconds(at),
            Objects = objects,
        };
        return new PublishResult(PublishOutcome.Published, published, moved);
    }

    /// <summary>A page of the public index, newest first.</summary>
    public async Task<DisclosurePage> ListAsync(DisclosureQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = string.Empty;
        var parameters = new List<(string, object?)>();
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            where = @"WHERE d.search_text LIKE @text ESCAPE '\' ";
            parameters.Add(("@text", "%" + Escape(query.Text.Trim().ToUpperInvariant()) + "%"));
        }

        var limit = Math.Clamp(query.Limit, 1, 100).ToString(CultureInfo.InvariantCulture);
        var offset = Math.Max(0, query.Offset).ToString(CultureInfo.InvariantCulture);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var items = await CaseSql.ReadAsync(connection, null, Columns + where + "ORDER BY d.published_at DESC, d.id DESC LIMIT " + limit + " OFFSET " + offset,
            Read, cancellationToken, [.. parameters]).ConfigureAwait(false);
        var total = await CaseSql.ScalarAsync(connection, null, "SELECT count(*) FROM disclosures d " + where, cancellationToken, [.. parameters]).ConfigureAwait(false);
        return new DisclosurePage(items, total);
    }

    /// <summary>The disclosure with its published objects, or null.</summary>
    public async Task<Disclosure?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var found = await CaseSql.ReadAsync(connection, null, Columns + "WHERE d.id = @id", Read, cancellationToken, ("@id", id)).ConfigureAwait(false);
        if (found.Count == 0)
        {
            return null;
        }

        var objects = await CaseSql.ReadAsync(connection, null,
            "SELECT object_id, type, original_tlp, json FROM disclosure_objects WHERE disclosure_id = @id ORDER BY object_id",
            r => new DisclosedObject(r.GetString(0), r.GetString(1), (TlpLevel)r.GetInt32(2), r.GetString(3)), cancellationToken, ("@id", id)).ConfigureAwait(false);
        return found[0] with { Objects = objects };
    }

    /// <summary>The dataset's accounts in the order published (hashed unless the publisher marked them public); empty for an unknown id.</summary>
    public async Task<IReadOnlyList<DisclosedAccount>> AccountsAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await CaseSql.ReadAsync(connection, null,
            "SELECT platform, account_id, handle, created, followers FROM disclosure_accounts WHERE disclosure_id = @id ORDER BY ordinal",
            r => new DisclosedAccount(r.GetString(0), r.GetString(1), r.GetString(2), Date(CaseSql.NullableString(r, 3)), r.GetInt64(4)),
            cancellationToken, ("@id", id)).ConfigureAwait(false);
    }

    /// <summary>The hub's hasher, for checking a known identifier against a hashed dataset (the secret is made on first use).</summary>
    public async Task<AccountHasher> HasherAsync(CancellationToken cancellationToken = default)
    {
        if (_secret is { } known)
        {
            return new AccountHasher(known);
        }

        await using var lease = await database.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await lease.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var secret = await SecretAsync(lease.Connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new AccountHasher(secret);
    }

    private async Task<byte[]> SecretAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (_secret is { } known)
        {
            return known;
        }

        await CaseSql.ExecuteAsync(connection, transaction, "INSERT INTO disclosure_secret (id, secret) VALUES (1, @secret) ON CONFLICT DO NOTHING", cancellationToken,
            ("@secret", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))).ConfigureAwait(false);
        var stored = await CaseSql.ReadAsync(connection, transaction, "SELECT secret FROM disclosure_secret WHERE id = 1", r => r.GetString(0), cancellationToken)
            .ConfigureAwait(false);
        _secret = Convert.FromBase64String(stored[0]);
        return _secret;
    }

    /// <summary>The object with every TLP marking replaced by TLP:CLEAR and the exchange's audience list dropped, as the public copy.</summary>
    private static string RemarkClear(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        var refs = node["object_marking_refs"] is JsonArray existing
            ? existing.Select(r => r?.GetValue<string>()).OfType<string>().Where(r => Tlp.LevelOf(r) is null).ToList()
            : [];
        refs.Insert(0, Tlp.ClearId);
        node["object_marking_refs"] = new JsonArray([.. refs.Select(r => (JsonNode)r)]);
        if (node["granular_markings"] is JsonArray granular)
        {
            foreach (var marking in granular.OfType<JsonObject>().Where(m => m["marking_ref"]?.GetValue<string>() is { } r && Tlp.LevelOf(r) is not null).ToList())
            {
                granular.Remove(marking);
            }

            if (granular.Count == 0)
            {
                node.Remove("granular_markings");
            }
        }

        node.Remove("x_vigil_recipients");
        return node.ToJsonString();
    }

    private static Task EventAsync(DbConnection connection, DbTransaction transaction, string caseId, long at, string org, string? user, string kind, string detail,
        CancellationToken cancellationToken) =>
        CaseSql.ExecuteAsync(connection, transaction,
            "INSERT INTO case_events (case_id, at, org_id, user_id, kind, detail) VALUES (@case, @at, @org, @user, @kind, @detail)", cancellationToken,
            ("@case", caseId), ("@at", at), ("@org", org), ("@user", user), ("@kind", kind), ("@detail", detail));

    private static string SearchText(NewDisclosure input) =>
        string.Join('\n', new[] { input.Title, input.Actor, input.Narrative }.Where(t => !string.IsNullOrEmpty(t))).ToUpperInvariant();

    private static string Escape(string text) => text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
        .Replace("_", @"\_", StringComparison.Ordinal);

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Date(string? text) => text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Disclosure Read(DbDataReader row) => new()
    {
        Id = row.GetString(0),
        CaseId = row.GetString(1),
        OrgId = row.GetString(2),
        Title = row.GetString(3),
        Narrative = row.GetString(4),
        Actor = CaseSql.NullableString(row, 5),
        Counts = new DisclosureCounts(row.GetInt64(6), row.GetInt64(7), row.GetInt64(8), row.GetInt64(9),
            CaseSql.NullableString(row, 10) is { } spend ? decimal.Parse(spend, CultureInfo.InvariantCulture) : null, CaseSql.NullableString(row, 11)),
        ActivityFrom = Date(CaseSql.NullableString(row, 12)),
        ActivityTo = Date(CaseSql.NullableString(row, 13)),
        Samples = JsonSerializer.Deserialize<List<string>>(row.GetString(14)) ?? [],
        IdentifiersPublic = row.GetInt32(15) != 0,
        PublishedAt = CaseSql.Time(row, 16),
        DatasetAccounts = Convert.ToInt64(row.GetValue(17), CultureInfo.InvariantCulture),
    };
}
