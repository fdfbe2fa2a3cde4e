using System.Text.Json;
using Vigil.Core.Sharing;

namespace Vigil.Storage.Objects;

public sealed partial class SqlObjectStore
{
    public async Task<EnvelopeStatus?> GetStatusAsync(Reader reader, string statusId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.OrgId is null)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT json FROM taxii_status WHERE id = @id AND org_id = @org");
        Parameter(command, "@id", statusId);
        Parameter(command, "@org", reader.OrgId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json
            ? JsonSerializer.Deserialize<EnvelopeStatus>(json, StatusJson)
            : null;
    }
}
