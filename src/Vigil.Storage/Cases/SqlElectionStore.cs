using System.Data.Common;
using System.Globalization;
using Vigil.Storage.Database;

namespace Vigil.Storage.Cases;

/// <summary>The elections calendar: every member sees every election; the cases of an election are filtered per reader by <see cref="SqlCaseStore"/>.</summary>
public sealed class SqlElectionStore(VigilDatabase database, TimeProvider? time = null)
{
    private const string Columns = "SELECT id, name, country, region, election_date, created_by_org, created_at FROM elections ";
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<Election> CreateAsync(string orgId, string name, string country, string? region, DateOnly date, CancellationToken cancellationToken = default)
    {
        var election = new Election
        {
            Id = "election--" + Guid.NewGuid().ToString("D"),
            Name = name,
            Country = country.ToUpperInvariant(),
            Region = string.IsNullOrWhiteSpace(region) ? null : region,
            Date = date,
            CreatedByOrg = orgId,
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds()),
        };
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await CaseSql.ExecuteAsync(connection, null,
            "INSERT INTO elections (id, name, country, region, election_date, created_by_org, created_at) VALUES (@id, @name, @country, @region, @date, @org, @at)",
            cancellationToken, ("@id", election.Id), ("@name", election.Name), ("@country", election.Country), ("@region", election.Region),
            ("@date", Iso(date)), ("@org", orgId), ("@at", election.CreatedAt.ToUnixTimeMilliseconds())).ConfigureAwait(false);
        return election;
    }

    public async Task<Election?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return (await CaseSql.ReadAsync(connection, null, Columns + "WHERE id = @id", Read, cancellationToken, ("@id", id)).ConfigureAwait(false)).FirstOrDefault();
    }

    /// <summary>Elections in date order, optionally from a date on and in one country.</summary>
    public async Task<IReadOnlyList<Election>> ListAsync(DateOnly? from = null, string? country = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (from is { } day)
        {
            where.Add("election_date >= @from");
            parameters.Add(("@from", Iso(day)));
        }

        if (!string.IsNullOrWhiteSpace(country))
        {
            where.Add("country = @country");
            parameters.Add(("@country", country.ToUpperInvariant()));
        }

        var sql = Columns + (where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : string.Empty) + " ORDER BY election_date, id LIMIT 1000";
        return await CaseSql.ReadAsync(connection, null, sql, Read, cancellationToken, [.. parameters]).ConfigureAwait(false);
    }

    /// <summary>Which of the ids are elections on the calendar.</summary>
    public async Task<IReadOnlySet<string>> ExistingAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (await GetAsync(id, cancellationToken).ConfigureAwait(false) is not null)
            {
                found.Add(id);
            }
        }

        return found;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Election Read(DbDataReader row) => new()
    {
        Id = row.GetString(0),
        Name = row.GetString(1),
        Country = row.GetString(2),
        Region = CaseSql.NullableString(row, 3),
        Date = DateOnly.ParseExact(row.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        CreatedByOrg = row.GetString(5),
        CreatedAt = CaseSql.Time(row, 6),
    };
}
