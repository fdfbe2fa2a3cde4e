using System.Globalization;
using Parquet;
using Parquet.Schema;
using Vigil.Detection.Activities;

namespace Vigil.Detection.Reading;

/// <summary>
/// Parquet with the columns of <see cref="GenericRowMapper"/>. Scalar columns of string, integer,
/// floating-point, boolean or timestamp type are read; list fields are delimited strings.
/// </summary>
internal static class ParquetActivityReader
{
    public static async Task<ActivityReadResult> ReadAsync(Stream stream, RowIssueLog log, CancellationToken cancellationToken)
    {
        // Parquet needs random access: buffer the (possibly decompressed) input in memory.
        var memory = new MemoryStream();
        await stream.CopyToAsync(memory, cancellationToken);
        memory.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(memory, cancellationToken: cancellationToken);
        var names = GenericRowMapper.KnownNames;
        var header = new HeaderIndex(names);
        var mapper = new GenericRowMapper(HeaderOf(reader.Schema.GetDataFields()));
        var builder = new ActivityTableBuilder(4096);
        long rows = 0;
        var dataFields = reader.Schema.GetDataFields();
        for (var group = 0; group < reader.RowGroupCount; group++)
        {
            using var rowGroup = reader.OpenRowGroupReader(group);
            var count = checked((int)rowGroup.RowCount);
            var columns = new string?[dataFields.Length][];
            for (var c = 0; c < dataFields.Length; c++)
            {
                columns[c] = header.Find(dataFields[c].Name) < 0
                    ? new string?[count]
                    : await ReadColumnAsync(rowGroup, dataFields[c], count, cancellationToken);
            }

            var fields = new string?[dataFields.Length];
            for (var r = 0; r < count; r++)
            {
                rows++;
                for (var c = 0; c < dataFields.Length; c++)
                {
                    fields[c] = columns[c][r];
                }

                if (mapper.TryMap(fields, rows, log, out var record))
                {
                    builder.Add(record);
                }
                else
                {
                    log.Reject();
                }
            }
        }

        return ActivityReaders.Result(builder, ActivityFormat.Parquet, rows, log);
    }

    private static HeaderIndex HeaderOf(DataField[] fields) => new(fields.Select(f => f.Name).ToArray());

    private static async Task<string?[]> ReadColumnAsync(ParquetRowGroupReader rowGroup, DataField field, int count, CancellationToken ct)
    {
        if (field.IsArray)
        {
            throw new MalformedInputException($"Parquet column '{field.Name}' is a repeated field; write lists as delimited strings.");
        }

        var type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var values = new string?[count];
            await rowGroup.ReadAsync(field, values.AsMemory(), null, ct);
            return values;
        }

        if (type == typeof(long))
        {
            return Format(await Read<long>(rowGroup, field, count, ct), v => v.ToString(CultureInfo.InvariantCulture));
        }

        if (type == typeof(int))
        {
            return Format(await Read<int>(rowGroup, field, count, ct), v => v.ToString(CultureInfo.InvariantCulture));
        }

        if (type == typeof(double))
        {
            return Format(await Read<double>(rowGroup, field, count, ct), v => v.ToString("R", CultureInfo.InvariantCulture));
        }

        if (type == typeof(float))
        {
            return Format(await Read<float>(rowGroup, field, count, ct), v => v.ToString("R", CultureInfo.InvariantCulture));
        }

        if (type == typeof(bool))
        {
            return Format(await Read<bool>(rowGroup, field, count, ct), v => v ? "true" : "false");
        }

        if (type == typeof(DateTime))
        {
            return Format(
                await Read<DateTime>(rowGroup, field, count, ct),
                v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        }

        throw new MalformedInputException($"Parquet column '{field.Name}' has unsupported type {type.Name}.");
    }

    private static async Task<T?[]> Read<T>(ParquetRowGroupReader rowGroup, DataField field, int count, CancellationToken ct)
        where T : struct
    {
        var values = new T?[count];
        await rowGroup.ReadAsync(field, values.AsMemory(), null, ct);
        return values;
    }

    private static string?[] Format<T>(T?[] values, Func<T, string> format)
        where T : struct
    {
        var result = new string?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = values[i] is { } v ? format(v) : null;
        }

        return result;
    }
}
