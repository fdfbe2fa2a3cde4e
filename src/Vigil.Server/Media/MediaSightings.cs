using Microsoft.AspNetCore.Http;
using Vigil.Core.Privacy;
using Vigil.Core.Sharing;
using Vigil.Core.Stix;
using Vigil.Core.Stix.Building;
using Vigil.Core.Stix.Markings;
using Vigil.Server.Access;
using Vigil.Server.Privacy;
using Vigil.Storage.Members;
using Vigil.Storage.Objects;
using Vigil.Storage.Privacy;

namespace Vigil.Server.Media;

/// <summary>
/// Records what a media match found as STIX sightings authored by the caller's organization: one per matched
/// indicator (STIX lets a sighting refer to a domain object only, so a hash shared as a bare file object is matched
/// but not sighted), with <c>where_sighted_refs</c> the caller's identity, <c>count</c> 1 and first and last seen the
/// time of the match. Each is stored through <see cref="IObjectStore"/> like a TAXII share or
/// <c>POST /api/rest/sightings</c>: the data-minimization policy in force checks it, a refusal is logged, and the
/// share's event drives the transparency log and the watchlist alerts.
/// </summary>
public sealed class MediaSightings(IObjectStore objects, IMemberStore members, IPolicyStore policies, TimeProvider time)
{
    public async Task<IReadOnlyList<MediaSighting>> RecordAsync(
        HttpContext context, IReadOnlyList<MediaMatch> matches, MediaMatchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentNullException.ThrowIfNull(request);
        var sighted = new List<MediaMatch>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var match in matches)
        {
            if (match.ObjectType == "indicator" && seen.Add(match.ObjectId))
            {
                sighted.Add(match);
            }
        }

        if (sighted.Count == 0 || !request.RecordSighting)
        {
            return [];
        }

        if (context.GetCaller() is not { } caller)
        {
            return [.. sighted.Select(m => new MediaSighting(m.ObjectId, null, null, null, "only a signed-in member can record a sighting"))];
        }

        var collections = (await members.ListAllCollectionsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Id, StringComparer.Ordinal);
        DataPolicy? policy = null;
        var now = time.GetUtcNow();
        var results = new List<MediaSighting>(sighted.Count);
        foreach (var match in sighted)
        {
            var collectionId = request.Collection ?? match.CollectionId;
            if (!collections.TryGetValue(collectionId, out var collection) || !caller.CanWrite(collection))
            {
                results.Add(new MediaSighting(match.ObjectId, null, null, null,
                    $"your organization may not write collection '{collectionId}'; name one it may write with ?collection="));
                continue;
            }

            var level = request.Tlp ?? TlpLevelOf(match.Tlp);
            var builder = new StixBuilder(time) { CreatedByRef = caller.Organization.IdentityId, Markings = [Tlp.IdOf(level)] };
            var sighting = builder.Sighting(match.ObjectId, now, now, 1, whereSightedRefs: [caller.Organization.IdentityId], description: Description(match));
            policy ??= await policies.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
            var result = await objects.AddEnvelopeAsync(new EnvelopeWrite
            {
                Writer = caller.Reader,
                Collection = collection,
                Objects = [new ObjectSubmission(StixObject.FromJson(sighting), sighting.ToJsonString())],
                Policy = policy,
            }, cancellationToken).ConfigureAwait(false);
            if (result.Stored)
            {
                results.Add(new MediaSighting(match.ObjectId, sighting["id"]!.GetValue<string>(), collection.Id, TlpMarkings.Tlp2Value(level), null));
            }
            else
            {
                await PolicyRefusals.RecordAsync(policies, result, caller.Organization.Id, policy).ConfigureAwait(false);
                results.Add(new MediaSighting(match.ObjectId, null, null, null, result.Failures[0].Message));
            }
        }

        return results;
    }

    private static TlpLevel TlpLevelOf(string tlp2Value) =>
        Enum.GetValues<TlpLevel>().FirstOrDefault(l => TlpMarkings.Tlp2Value(l) == tlp2Value, TlpLevel.Red);

    private static string Description(MediaMatch match) => match.TargetMatchPercent is { } target
        ? FormattableString.Invariant($"Media match (vPDQ): {match.QueryMatchPercent:F1}% of the uploaded video's frames and {target:F1}% of the bank video's frames matched.")
        : FormattableString.Invariant($"Media match ({match.Algorithm}): uploaded media within distance {match.Distance} of the indicator's hash.");
}
