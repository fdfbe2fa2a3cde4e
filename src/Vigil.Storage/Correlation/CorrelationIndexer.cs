using System.Data.Common;
using System.Text.Json.Nodes;
using Npgsql;
using Vigil.Core.Stix;
using Vigil.Correlation.Extraction;
using Vigil.Storage.Database;
using Vigil.Storage.Objects;

namespace Vigil.Storage.Correlation;

/// <summary>
/// Fills the correlation tables for each version an envelope writes: its observable keys, its relationship ends and its
/// sighting numbers. Content that cannot be read is indexed as nothing; it never fails the write.
/// </summary>
public sealed class CorrelationIndexer(VigilDatabase database, StixObservableExtractor extractor) : IEnvelopeIndexer
{
    public async Task IndexAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<WrittenVersion> written, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(written);
        var rows = new CorrelationRows();
        foreach (var version in written)
        {
            var json = version.Submission.Object.Json;
            Keys(version.Seq, json, rows);
            switch (version.Submission.Object.Type)
            {
                case "relationship":
                    Link(version.Seq, json, rows);
                    break;
                case "sighting":
                    Sighting(version.Seq, json, rows);
                    break;
            }
        }

        if (database.IsSqlite)
        {
            await rows.WriteSqliteAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await rows.WritePostgresAsync((NpgsqlConnection)connection, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Keys(long seq, JsonObject json, CorrelationRows rows)
    {
        foreach (var key in extractor.KeysOrNone(json))
        {
            rows.Keys.Add((key.ToString(), seq));
        }
    }

    private static void Link(long seq, JsonObject json, CorrelationRows rows)
    {
        if (Text(json, "source_ref") is not { } source || Text(json, "target_ref") is not { } target)
        {
            return;
        }

        rows.Links.Add((source, seq, target, TypeOf(target)));
        if (source != target)
        {
            rows.Links.Add((target, seq, source, TypeOf(source)));
        }
    }

    private static void Sighting(long seq, JsonObject json, CorrelationRows rows)
    {
        if (Text(json, "sighting_of_ref") is not { } sighted)
        {
            return;
        }

        long count = 1;
        // A built object holds an int, a parsed one a JsonElement: read the number from its text either way.
        if (json["count"] is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number
            && long.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            count = n;
        }

        var created = Time(json, "created") ?? 0;
        var first = Time(json, "first_seen") ?? Time(json, "last_seen") ?? created;
        var last = Time(json, "last_seen") ?? Time(json, "first_seen") ?? created;
        rows.Sightings.Add((seq, sighted, count, first, last));
    }

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    private static long? Time(JsonObject json, string name) => StixTimestamp.TryParse(Text(json, name), out var t) ? t.Utc.Ticks : null;

    private static string TypeOf(string reference)
    {
        var end = reference.IndexOf("--", StringComparison.Ordinal);
        return end > 0 ? reference[..end] : reference;
    }
}
