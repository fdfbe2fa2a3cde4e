using System.Data.Common;
using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Vigil.Core.Sharing;

namespace Vigil.Storage.Objects;

/// <summary>
/// The one place where the sharing policy becomes SQL. Every read (page, count, manifest, versions, search)
/// is built here: collection scope, <see cref="AccessRules.CanSee"/> as a predicate, the TAXII filters and a
/// keyset on <c>seq</c>. The predicate mirrors <see cref="AccessRules"/> clause by clause:
/// author org, then CLEAR, then GREEN for members, then audience principals for AMBER and stricter.
/// </summary>
internal sealed class PolicyQueryBuilder
{
    public const string Columns = "o.seq, o.collection_id, o.object_id, o.type, o.spec_version, o.version, o.tlp, o.author_org, o.revoked";

    private readonly bool _sqlite;
    private readonly DbCommand _command;
    private readonly StringBuilder _sql = new(1024);
    private int _parameterCount;

    private PolicyQueryBuilder(bool sqlite, DbCommand command)
    {
        _sqlite = sqlite;
        _command = command;
    }

    /// <summary>A page: visible rows in seq order after the cursor, one more than the limit to learn whether more exist.</summary>
    public static DbCommand Page(DbConnection connection, bool sqlite, ObjectQuery query, long after, int limit) =>
        Page(connection, sqlite, query, after, limit, Columns + (query.IncludeJson ? ", o.json" : ", NULL"));

    /// <summary>A page of <c>seq, json</c> only.</summary>
    public static DbCommand RawPage(DbConnection connection, bool sqlite, ObjectQuery query, long after, int limit) =>
        Page(connection, sqlite, query, after, limit, "o.seq, o.json, o.object_id, o.author_org");

    private static DbCommand Page(DbConnection connection, bool sqlite, ObjectQuery query, long after, int limit, string columns)
    {
        var builder = new PolicyQueryBuilder(sqlite, connection.CreateCommand());
        builder._sql.Append("SELECT ").Append(columns)
            .Append(" FROM stix_objects o").Append(builder.IndexHint(query)).Append(" WHERE ");
        builder.AppendFilters(query, after);
        builder._sql.Append(query.NewestFirst ? " ORDER BY o.seq DESC LIMIT " : " ORDER BY o.seq LIMIT ").Append((limit + 1).ToString(CultureInfo.InvariantCulture));
        return builder.Finish();
    }

    /// <summary>How many versions match, up to <see cref="ObjectQuery.CountAtMost"/> plus one; counts only what the reader may see.</summary>
    public static DbCommand Count(DbConnection connection, bool sqlite, ObjectQuery query)
    {
        var builder = new PolicyQueryBuilder(sqlite, connection.CreateCommand());
        builder._sql.Append(query.CountAtMost is null ? "SELECT count(*) FROM stix_objects o WHERE " : "SELECT count(*) FROM (SELECT 1 FROM stix_objects o WHERE ");
        builder.AppendFilters(query, after: 0);
        if (query.CountAtMost is { } most)
        {
            builder._sql.Append(" LIMIT ").Append((most + 1).ToString(CultureInfo.InvariantCulture)).Append(") capped");
        }

        return builder.Finish();
    }

    /// <summary>The visibility predicate for rows aliased <paramref name="alias"/>, for use by other statements (delete).</summary>
    public static DbCommand Visible(DbConnection connection, bool sqlite, Reader reader, string selectPrefix, string alias, string suffix)
    {
        var builder = new PolicyQueryBuilder(sqlite, connection.CreateCommand());
        builder._sql.Append(selectPrefix);
        builder.AppendVisible(reader, alias);
        builder._sql.Append(suffix);
        return builder.Finish();
    }

    /// <summary>
    /// A statement over several row aliases (correlation joins): each <c>{visible:alias}</c> in <paramref name="sql"/> becomes
    /// the collection scope and the visibility predicate for that alias. Other parameters must not be named <c>@q…</c>.
    /// </summary>
    public static DbCommand Scoped(DbConnection connection, bool sqlite, Reader reader, IReadOnlyList<string> collectionIds, string sql)
    {
        const string Token = "{visible:";
        var builder = new PolicyQueryBuilder(sqlite, connection.CreateCommand());
        var start = 0;
        for (var open = sql.IndexOf(Token, StringComparison.Ordinal); open >= 0; open = sql.IndexOf(Token, start, StringComparison.Ordinal))
        {
            var close = sql.IndexOf('}', open);
            var alias = sql[(open + Token.Length)..close];
            builder._sql.Append(sql, start, open - start).Append('(');
            builder.AppendIn(alias + ".collection_id", collectionIds);
            builder._sql.Append(" AND ");
            builder.AppendVisible(reader, alias);
            builder._sql.Append(')');
            start = close + 1;
        }

        builder._sql.Append(sql, start, sql.Length - start);
        return builder.Finish();
    }

    public string AddParameter(object? value)
    {
        var name = "@q" + (_parameterCount++).ToString(CultureInfo.InvariantCulture);
        var parameter = _command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        _command.Parameters.Add(parameter);
        return name;
    }

    private DbCommand Finish()
    {
        _command.CommandText = _sql.ToString();
        return _command;
    }

    private string IndexHint(ObjectQuery query)
    {
        if (!_sqlite || query.CollectionIds.Count != 1)
        {
            return string.Empty;
        }

        if (query.Ids.Count > 0)
        {
            return " INDEXED BY stix_objects_version";
        }

        return query.Types.Count == 1 ? " INDEXED BY stix_objects_type" : " INDEXED BY stix_objects_collection";
    }

    private void AppendFilters(ObjectQuery query, long after)
    {
        AppendIn("o.collection_id", query.CollectionIds);
        _sql.Append(" AND ");
        AppendVisible(query.Reader, "o");
        if (query.Types.Count > 0)
        {
            _sql.Append(" AND ");
            AppendIn("o.type", query.Types);
        }

        if (query.Ids.Count > 0)
        {
            _sql.Append(" AND ");
            AppendIn("o.object_id", query.Ids);
        }

        if (query.SpecVersions.Count > 0)
        {
            _sql.Append(" AND ");
            AppendIn("o.spec_version", query.SpecVersions);
        }

        if (query.AuthorOrgIds.Count > 0)
        {
            _sql.Append(" AND ");
            AppendIn("o.author_org", query.AuthorOrgIds);
        }

        if (query.TlpLevels.Count > 0)
        {
            _sql.Append(" AND o.tlp IN (");
            for (var i = 0; i < query.TlpLevels.Count; i++)
            {
                _sql.Append(i == 0 ? string.Empty : ", ").Append(((int)query.TlpLevels[i]).ToString(CultureInfo.InvariantCulture));
            }

            _sql.Append(')');
        }

        if (!string.IsNullOrEmpty(query.Text))
        {
            var pattern = "%" + query.Text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            _sql.Append(_sqlite ? " AND o.json LIKE " : " AND o.json ILIKE ").Append(AddParameter(pattern)).Append(" ESCAPE '\\'");
        }

        if (query.VersionFromTicks is { } from)
        {
            _sql.Append(" AND o.version_ticks >= ").Append(AddParameter(from));
        }

        if (query.VersionToTicks is { } to)
        {
            _sql.Append(" AND o.version_ticks <= ").Append(AddParameter(to));
        }

        if (query.Revoked is { } revoked)
        {
            _sql.Append(" AND o.revoked = ").Append(revoked ? '1' : '0');
        }

        var bound = Math.Max(after, query.AddedAfter ?? 0);
        if (bound > 0)
        {
            _sql.Append(" AND o.seq > ").Append(AddParameter(bound));
        }

        AppendVersions(query);
    }

    private void AppendVersions(ObjectQuery query)
    {
        var match = query.Versions;
        if (match.IsAll || (match.Selectors.Count == 0 && match.VersionTicks.Count == 0))
        {
            return;
        }

        _sql.Append(" AND (");
        var first = true;
        foreach (var selector in match.Selectors)
        {
            _sql.Append(first ? string.Empty : " OR ");
            first = false;
            if (selector == VersionSelector.Last)
            {
                // A row flagged latest has no newer version at all, so the subquery only runs for older versions.
                _sql.Append("(o.is_latest = 1 OR ");
                AppendNoOtherVisible(query.Reader, ">");
                _sql.Append(')');
            }
            else
            {
                AppendNoOtherVisible(query.Reader, "<");
            }
        }

        if (match.VersionTicks.Count > 0)
        {
            _sql.Append(first ? string.Empty : " OR ").Append("o.version_ticks IN (");
            for (var i = 0; i < match.VersionTicks.Count; i++)
            {
                _sql.Append(i == 0 ? string.Empty : ", ").Append(AddParameter(match.VersionTicks[i]));
            }

            _sql.Append(')');
        }

        _sql.Append(')');
    }

    private void AppendNoOtherVisible(Reader reader, string comparison)
    {
        _sql.Append("NOT EXISTS (SELECT 1 FROM stix_objects n WHERE n.collection_id = o.collection_id AND n.object_id = o.object_id AND n.version_ticks ")
            .Append(comparison).Append(" o.version_ticks AND ");
        AppendVisible(reader, "n");
        _sql.Append(')');
    }

    /// <summary>AccessRules.CanSee as SQL over the row aliased <paramref name="alias"/>.</summary>
    private void AppendVisible(Reader reader, string alias)
    {
        if (reader.OrgId is null)
        {
            _sql.Append(alias).Append(".tlp = ").Append(((int)TlpLevel.Clear).ToString(CultureInfo.InvariantCulture));
            return;
        }

        _sql.Append('(').Append(alias).Append(".tlp <= ").Append(((int)TlpLevel.Green).ToString(CultureInfo.InvariantCulture))
            .Append(" OR ").Append(alias).Append(".author_org = ").Append(AddParameter(reader.OrgId));
        if (reader.Principals.Count > 0)
        {
            _sql.Append(" OR EXISTS (SELECT 1 FROM stix_audience a_").Append(alias).Append(" WHERE a_").Append(alias).Append(".seq = ")
                .Append(alias).Append(".seq AND ");
            AppendIn("a_" + alias + ".principal", reader.Principals);

            // OFFSET 0 keeps PostgreSQL from turning the probe into a hash of every matching audience row, which it
            // prefers when it expects many outer rows and does not see the LIMIT (measured: 35 ms per page at 100k rows).
            _sql.Append(_sqlite ? ")" : " OFFSET 0)");
        }

        _sql.Append(')');
    }

    private void AppendIn(string column, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            _sql.Append("1 = 0");
            return;
        }

        if (values.Count == 1)
        {
            _sql.Append(column).Append(" = ").Append(AddParameter(values[0]));
            return;
        }

        if (!_sqlite)
        {
            var name = "@q" + (_parameterCount++).ToString(CultureInfo.InvariantCulture);
            var array = new string[values.Count];
            for (var i = 0; i < array.Length; i++)
            {
                array[i] = values[i];
            }

            _command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = array });
            _sql.Append(column).Append(" = ANY(").Append(name).Append(')');
            return;
        }

        _sql.Append(column).Append(" IN (");
        for (var i = 0; i < values.Count; i++)
        {
            _sql.Append(i == 0 ? string.Empty : ", ").Append(AddParameter(values[i]));
        }

        _sql.Append(')');
    }
}
