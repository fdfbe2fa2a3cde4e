using System.Text.Json;
using Vigil.Storage.Objects;

namespace Vigil.Server.Rest;

internal static class RestHits
{
    public static SearchHit From(StoredObject stored)
    {
        using var document = JsonDocument.Parse(stored.Json ?? "{}");
        return new SearchHit(stored.CollectionId, stored.DateAdded, stored.Tlp, stored.AuthorOrgId, document.RootElement.Clone());
    }

    public static bool HasLabel(JsonElement stix, string label) =>
        stix.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Array
        && labels.EnumerateArray().Any(l => l.ValueKind == JsonValueKind.String && string.Equals(l.GetString(), label, StringComparison.OrdinalIgnoreCase));

    public static bool RefersTo(JsonElement stix, string property, string id)
    {
        if (!stix.TryGetProperty(property, out var value))
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() == id,
            JsonValueKind.Array => value.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.String && v.GetString() == id),
            _ => false,
        };
    }
}
