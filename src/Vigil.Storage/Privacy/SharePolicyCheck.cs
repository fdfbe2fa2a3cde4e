using Vigil.Core.Members;
using Vigil.Core.Privacy;
using Vigil.Core.Sharing;
using Vigil.Storage.Members;
using Vigil.Storage.Objects;

namespace Vigil.Storage.Privacy;

/// <summary>
/// Applies the data-minimization policy to the objects of an envelope once their audiences are planned. The sectors an
/// object reaches are those of the organizations its audience names, as <see cref="AccessRules"/> reads it: CLEAR and
/// GREEN reach everyone who may read the collection (a public CLEAR collection reaches every sector); AMBER and RED
/// reach the organizations behind the named principals that may also read the collection. The writer's and author's
/// own organizations are not a flow. Objects whose classes no sector is barred from skip the audience lookup.
/// </summary>
internal sealed class SharePolicyCheck(IMemberStore members)
{
    private readonly OrganizationSectors _sectors = new(members);
    private IReadOnlyList<Collection>? _collections;

    public async Task<List<ObjectFailure>> CheckAsync(EnvelopeWrite write, DataPolicy policy, IReadOnlyList<PlannedObject> planned, CancellationToken cancellationToken)
    {
        var failures = new List<ObjectFailure>();
        foreach (var plan in planned)
        {
            var path = $"objects[{plan.Index}]";
            var json = plan.Submission.Object.Json;
            var (legalProcess, legalError) = LegalProcessReference.Read(json, path);
            if (legalError is not null)
            {
                failures.Add(Failure(plan, ShareDecision.Refuse(ShareDecision.BadLegalProcessRule, legalError.Field, legalError.Message)));
                continue;
            }

            var (classes, classError) = SharePolicyEvaluator.Classify(json, path);
            if (classError is not null)
            {
                failures.Add(Failure(plan, ShareDecision.Refuse(ShareDecision.BadContentClassRule, classError.Field, classError.Message)));
                continue;
            }

            if (SharePolicyEvaluator.RestrictedSectors(policy, classes).Count == 0)
            {
                continue;
            }

            var sectors = await SectorsAsync(write, plan, cancellationToken).ConfigureAwait(false);
            var decision = SharePolicyEvaluator.Evaluate(policy, classes, sectors, legalProcess, path);
            if (!decision.Allowed)
            {
                failures.Add(Failure(plan, decision));
            }
        }

        return failures;
    }

    private static ObjectFailure Failure(PlannedObject plan, ShareDecision decision) =>
        new(plan.Index, plan.Id, plan.Version, decision.ToString()) { PolicyRefusal = decision };

    private async Task<HashSet<Sector>> SectorsAsync(EnvelopeWrite write, PlannedObject plan, CancellationToken cancellationToken)
    {
        var organizations = await _sectors.AllAsync(cancellationToken).ConfigureAwait(false);
        var collection = write.Collection;
        if (plan.Tlp == TlpLevel.Clear && collection.PublicRead)
        {
            return [.. SectorNames.All];
        }

        var readers = Readers(collection, organizations);
        IEnumerable<string> reached = readers;
        if (plan.Tlp is not (TlpLevel.Clear or TlpLevel.Green))
        {
            var named = await OrganizationsOfAsync(plan.Principals, organizations, cancellationToken).ConfigureAwait(false);
            named.IntersectWith(readers);
            reached = named;
        }

        return await _sectors.OfAsync(reached, [plan.AuthorOrgId, write.Writer.OrgId], cancellationToken).ConfigureAwait(false);
    }

    private static HashSet<string> Readers(Collection collection, IReadOnlyList<Organization> organizations) =>
        collection.AllMembersRead
            ? [.. organizations.Select(o => o.Id)]
            : [.. collection.ReadOrgIds, .. collection.WriteOrgIds];

    private async Task<HashSet<string>> OrganizationsOfAsync(IReadOnlyList<string> principals, IReadOnlyList<Organization> organizations,
        CancellationToken cancellationToken)
    {
        var orgs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var principal in principals)
        {
            var colon = principal.IndexOf(':', StringComparison.Ordinal);
            var (kind, id) = (principal[..colon], principal[(colon + 1)..]);
            switch (kind)
            {
                case "org":
                    orgs.Add(id);
                    break;
                case "user":
                    if (await members.GetUserAsync(id, cancellationToken).ConfigureAwait(false) is { } user)
                    {
                        orgs.Add(user.OrgId);
                    }

                    break;
                case "group":
                    if (await members.GetSharingGroupAsync(id, cancellationToken).ConfigureAwait(false) is { } group)
                    {
                        orgs.UnionWith(group.OrgIds);
                    }

                    break;
                case "collection":
                    _collections ??= await members.ListAllCollectionsAsync(cancellationToken).ConfigureAwait(false);
                    if (_collections.FirstOrDefault(c => c.Id == id) is { } named)
                    {
                        orgs.UnionWith(Readers(named, organizations));
                    }

                    break;
            }
        }

        return orgs;
    }
}
