using Vigil.Core.Events;
using Vigil.Core.Privacy;
using Vigil.Storage.Objects;
using Vigil.Storage.Privacy;

namespace Vigil.Server.Privacy;

/// <summary>Turns the policy refusals of a refused envelope into <c>share-refused</c> events (bad input is not a refusal and is not logged).</summary>
internal static class PolicyRefusals
{
    public static IReadOnlyList<ObjectFailure> Of(EnvelopeResult result) =>
        [.. result.Failures.Where(f => f.PolicyRefusal is { TargetSector: not null })];

    public static async Task RecordAsync(IPolicyStore policies, EnvelopeResult result, string orgId, DataPolicy policy)
    {
        var refusals = Of(result).Select(f => new ShareRefusal(
            f.Id,
            orgId,
            SectorNames.NameOf(f.PolicyRefusal!.TargetSector!.Value),
            f.PolicyRefusal.ContentClass!,
            f.PolicyRefusal.Rule!,
            f.PolicyRefusal.Field!,
            policy.Version)).ToList();
        if (refusals.Count > 0)
        {
            // The refusal is logged even when the client has gone away.
            await policies.RecordRefusalsAsync(refusals, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
