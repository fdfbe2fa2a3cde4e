using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Core.Members;
using Vigil.Core.Sharing;
using Vigil.Storage.Members;

namespace Vigil.Storage.Objects;

/// <summary>
/// Decides each object's audience when it is written. The TLP is the strictest TLP in
/// <c>object_marking_refs</c>, else the collection's default. AMBER and AMBER+STRICT go to the recipients named
/// in the custom property <c>x_vigil_recipients</c> (member identity ids, or <c>org:ID</c>, <c>group:ID</c>,
/// <c>user:ID</c>, <c>collection:ID</c>), else to everyone who may read the collection; RED goes to the named
/// recipients only, else to the author organization alone. <c>created_by_ref</c> may name the writer's own
/// identity, a non-member identity, or another member only to re-share that member's unchanged object.
/// </summary>
internal sealed class AudiencePlanner(IMemberStore members)
{
    public const string RecipientsProperty = "x_vigil_recipients";

    private readonly Dictionary<string, Organization?> _identities = new(StringComparer.Ordinal);

    public async Task<(List<PlannedObject> Planned, List<ObjectFailure> Failures)> PlanAsync(EnvelopeWrite write, CancellationToken cancellationToken)
    {
        var writerOrg = write.Writer.OrgId ?? throw new InvalidOperationException("Only a member organization can write objects.");
        var planned = new List<PlannedObject>(write.Objects.Count);
        var failures = new List<ObjectFailure>();
        var seen = new HashSet<(string, long)>();
        for (var i = 0; i < write.Objects.Count; i++)
        {
            var submission = write.Objects[i];
            var stix = submission.Object;
            var version = stix.Version;
            if (StructureError(stix) is { } structure)
            {
                failures.Add(new ObjectFailure(i, stix.Id, version?.Text, structure));
                continue;
            }

            if (!seen.Add((stix.Id, version?.Utc.Ticks ?? -1)))
            {
                failures.Add(new ObjectFailure(i, stix.Id, version?.Text,
                    $"objects[{i}]: duplicate: the envelope already holds {stix.Id}" + (version is { } v ? $" at version {v.Text}." : ".")));
                continue;
            }

            var author = writerOrg;
            var reshare = false;
            if (stix.CreatedByRef is { } createdBy)
            {
                var claimed = await OrganizationOfAsync(createdBy, cancellationToken).ConfigureAwait(false);
                if (claimed is not null && claimed.Id != writerOrg)
                {
                    author = claimed.Id;
                    reshare = true;
                }
            }

            var tlp = Tlp.Strictest(stix.ObjectMarkingRefs) ?? write.Collection.DefaultTlp;
            var (recipients, error) = await RecipientsAsync(stix.Json, i, cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                failures.Add(new ObjectFailure(i, stix.Id, version?.Text, error));
                continue;
            }

            string[] principals = tlp switch
            {
                TlpLevel.Clear or TlpLevel.Green => [],
                TlpLevel.Red => recipients,
                _ => recipients.Length > 0 ? recipients : [Principal.Collection(write.Collection.Id)],
            };

            planned.Add(new PlannedObject
            {
                Index = i,
                Submission = submission,
                Id = stix.Id,
                Type = stix.Type,
                SpecVersion = stix.SpecVersion,
                Version = version?.Text,
                VersionTicks = version?.Utc.Ticks,
                Tlp = tlp,
                Principals = principals,
                AuthorOrgId = author,
                IsReshare = reshare,
                Revoked = stix.Revoked,
            });
        }

        return (planned, failures);
    }

    private static string? StructureError(Core.Stix.StixObject stix)
    {
        if (string.IsNullOrEmpty(stix.Type))
        {
            return "type: required string property is missing.";
        }

        if (string.IsNullOrEmpty(stix.Id))
        {
            return "id: required string property is missing.";
        }

        var separator = stix.Id.IndexOf("--", StringComparison.Ordinal);
        if (separator <= 0 || !string.Equals(stix.Id[..separator], stix.Type, StringComparison.Ordinal))
        {
            return $"id: '{stix.Id}' is not an identifier of type '{stix.Type}' (expected '{stix.Type}--<uuid>').";
        }

        if (!Guid.TryParseExact(stix.Id[(separator + 2)..], "D", out _))
        {
            return $"id: '{stix.Id}' does not end in a UUID.";
        }

        return stix.Id.Length > 300 ? "id: longer than 300 characters." : null;
    }

    private async Task<Organization?> OrganizationOfAsync(string identityId, CancellationToken cancellationToken)
    {
        if (!_identities.TryGetValue(identityId, out var organization))
        {
            organization = await members.GetOrganizationByIdentityAsync(identityId, cancellationToken).ConfigureAwait(false);
            _identities[identityId] = organization;
        }

        return organization;
    }

    private async Task<(string[] Principals, string? Error)> RecipientsAsync(JsonObject json, int index, CancellationToken cancellationToken)
    {
        var node = json[RecipientsProperty];
        if (node is null)
        {
            return ([], null);
        }

        if (node is not JsonArray array)
        {
            return ([], $"objects[{index}].{RecipientsProperty}: must be an array of identity ids or org:/group:/user:/collection: principals.");
        }

        var principals = new List<string>(array.Count);
        for (var j = 0; j < array.Count; j++)
        {
            var where = $"objects[{index}].{RecipientsProperty}[{j}]";
            if (array[j] is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            {
                return ([], where + ": must be a string.");
            }

            var text = value.GetValue<string>();
            if (text.StartsWith("identity--", StringComparison.Ordinal))
            {
                var organization = await OrganizationOfAsync(text, cancellationToken).ConfigureAwait(false);
                if (organization is null)
                {
                    return ([], $"{where}: {text} is not the identity of a member organization.");
                }

                principals.Add(Principal.Org(organization.Id));
            }
            else if (IsPrincipal(text))
            {
                principals.Add(text);
            }
            else
            {
                return ([], $"{where}: '{text}' is neither a member identity id nor an org:, group:, user: or collection: principal.");
            }
        }

        return ([.. principals.Distinct(StringComparer.Ordinal)], null);
    }

    private static bool IsPrincipal(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < text.Length - 1 && text.Length <= 200
            && text[..colon] is "org" or "group" or "user" or "collection";
    }
}
