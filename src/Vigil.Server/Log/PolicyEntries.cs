using System.Text.Json;
using Vigil.Core.Events;
using Vigil.Core.Privacy;
using Vigil.Ledger.Entries;

namespace Vigil.Server.Log;

/// <summary>The log entries of the data-minimization policy's events, built from the event alone so a replay yields the same bytes.</summary>
internal static class PolicyEntries
{
    public static PolicyChanged Changed(HubEvent hubEvent)
    {
        var published = JsonSerializer.Deserialize<PolicyPublished>(hubEvent.Payload)!;
        return new PolicyChanged
        {
            OccurredAt = hubEvent.OccurredAt,
            PolicyVersion = published.Version,
            PolicySha256 = published.Sha256,
            ChangedBy = published.ChangedBy,
        };
    }

    /// <summary>The <c>share-refused</c> entry, or null for an event naming no sector (nothing to log).</summary>
    public static ShareRefused? Refused(HubEvent hubEvent)
    {
        var refusal = JsonSerializer.Deserialize<ShareRefusal>(hubEvent.Payload)!;
        return SectorNames.TryParse(refusal.TargetSector, out var sector)
            ? new ShareRefused
            {
                OccurredAt = hubEvent.OccurredAt,
                ObjectId = refusal.ObjectId,
                AuthorOrg = refusal.AuthorOrgId,
                TargetSector = sector,
                ContentClass = refusal.ContentClass,
                Rule = refusal.Rule,
                Field = refusal.Field,
                PolicyVersion = refusal.PolicyVersion,
            }
            : null;
    }
}
