using System.Text.Json;
using Vigil.Storage.Objects;

namespace Vigil.Server.Taxii;

/// <summary>Writes the TAXII status resource (section 4.3.1).</summary>
internal static class StatusResource
{
    public static void Write(Utf8JsonWriter json, EnvelopeStatus status)
    {
        json.WriteStartObject();
        json.WriteString("id", status.Id);
        json.WriteString("status", status.Status);
        json.WriteString("request_timestamp", status.RequestTimestamp);
        json.WriteNumber("total_count", status.TotalCount);
        json.WriteNumber("success_count", status.Successes.Count);
        WriteDetails(json, "successes", status.Successes);
        json.WriteNumber("failure_count", status.Failures.Count);
        WriteDetails(json, "failures", status.Failures);
        json.WriteNumber("pending_count", status.Pendings.Count);
        WriteDetails(json, "pendings", status.Pendings);
        json.WriteEndObject();
    }

    private static void WriteDetails(Utf8JsonWriter json, string name, IReadOnlyList<StatusDetail> details)
    {
        json.WriteStartArray(name);
        foreach (var detail in details)
        {
            json.WriteStartObject();
            json.WriteString("id", detail.Id);
            json.WriteString("version", detail.Version);
            if (detail.Message is not null)
            {
                json.WriteString("message", detail.Message);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
