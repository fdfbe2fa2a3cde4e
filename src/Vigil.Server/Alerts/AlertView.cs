using System.Text.Json.Nodes;
using Vigil.Storage.Alerts;

namespace Vigil.Server.Alerts;

/// <summary>An alert as the inbox, the event stream and webhooks show it; <see cref="Object"/> is the version that hit, when included.</summary>
public sealed record AlertView(long Id, string WatchlistId, string ObjectId, string ObjectType, string CollectionId, string DateAdded,
    IReadOnlyList<string> Reasons, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt, JsonObject? Object = null)
{
    public static AlertView From(Alert alert, JsonObject? stixObject = null)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new(alert.Id, alert.WatchlistId, alert.ObjectId, alert.ObjectType, alert.CollectionId, Vigil.Storage.Objects.DateAdded.Format(alert.Seq), alert.Reasons,
            alert.CreatedAt, alert.ReadAt, stixObject);
    }
}
