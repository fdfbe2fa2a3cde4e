using System.Text.Json.Nodes;
using Vigil.Core.Events;
using Vigil.Core.Privacy;
using Vigil.Core.Sharing;
using Vigil.Storage.Members;
using Vigil.Storage.Objects;
using Vigil.Storage.Privacy;

namespace Vigil.Server.Privacy;

/// <summary>
/// Applies the data-minimization policy to what members send each other outside TAXII: requests, responses, case comments
/// and case attachments. The text is classed by the sender's declared content class and by the personal-data detectors;
/// each object by its own classes, as the sender sees it. The flow reaches the sectors of the receiving organizations
/// (never the sender's own). A legal process cited on an object covers that object; the one cited on the flow covers
/// the rest. A refusal is recorded as a <c>share-refused</c> event so it reaches the transparency log.
/// </summary>
public sealed class MessagePolicyGuard(IPolicyStore policies, IMemberStore members, IObjectStore objects)
{
    public const string ContentClassField = "contentClass";
    public const string LegalProcessField = "legalProcess";

    public async Task<MessageFlowCheck> CheckAsync(Reader sender, string senderOrgId, IReadOnlyList<string> collectionIds, MessageFlow flow,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(flow);
        var legalProcess = flow.StandingLegalProcess;
        if (flow.LegalProcess is { } cited)
        {
            var (reference, error) = LegalProcessReference.Read(new JsonObject { [LegalProcessReference.Property] = cited.DeepClone() }, string.Empty);
            if (error is not null)
            {
                return new MessageFlowCheck { Invalid = (Rename(error.Field), error.Message) };
            }

            legalProcess = reference;
        }

        if (flow.ContentClass is { } declared && !ContentClasses.IsKnown(declared))
        {
            return new MessageFlowCheck { Invalid = (ContentClassField, $"'{declared}' is not a content class; expected one of {string.Join(", ", ContentClasses.All)}.") };
        }

        var textClasses = new List<ClassifiedField>();
        if (flow.ContentClass is { } named)
        {
            textClasses.Add(new ClassifiedField(named, ContentClassField));
        }

        foreach (var (field, text) in flow.Texts)
        {
            if (PersonalDataDetector.Detect(text).Count > 0)
            {
                textClasses.Add(new ClassifiedField(ContentClasses.NonPublicAccountData, field));
            }
        }

        var policy = await policies.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        var classed = new List<(IReadOnlyList<ClassifiedField> Classes, LegalProcessReference? LegalProcess, string Path)> { (textClasses, legalProcess, string.Empty) };
        foreach (var (field, objectId) in flow.Objects)
        {
            var page = await objects.QueryAsync(new ObjectQuery { Reader = sender, CollectionIds = collectionIds, Ids = [objectId], Limit = 20 }, cancellationToken)
                .ConfigureAwait(false);
            foreach (var version in page.Items)
            {
                if (version.Json is null || JsonNode.Parse(version.Json) is not JsonObject json)
                {
                    continue;
                }

                var (classes, _) = SharePolicyEvaluator.Classify(json, field);
                var own = LegalProcessReference.Read(json, field).Reference;
                classed.Add((classes, own ?? legalProcess, own is null ? string.Empty : field));
            }
        }

        if (classed.All(c => SharePolicyEvaluator.RestrictedSectors(policy, c.Classes).Count == 0))
        {
            return new MessageFlowCheck { LegalProcess = legalProcess, PolicyVersion = policy.Version };
        }

        var sectors = await new OrganizationSectors(members).OfAsync(flow.ToOrgIds, [senderOrgId], cancellationToken).ConfigureAwait(false);

        foreach (var (classes, reference, path) in classed)
        {
            var decision = SharePolicyEvaluator.Evaluate(policy, classes, sectors, reference, path);
            if (!decision.Allowed)
            {
                var refusal = decision with { Field = Rename(decision.Field!) };
                await policies.RecordRefusalsAsync(
                    [new ShareRefusal(flow.SubjectId, senderOrgId, SectorNames.NameOf(refusal.TargetSector!.Value), refusal.ContentClass!, refusal.Rule!, refusal.Field!, policy.Version)],
                    CancellationToken.None).ConfigureAwait(false);
                return new MessageFlowCheck { Refusal = refusal, PolicyVersion = policy.Version };
            }
        }

        return new MessageFlowCheck { LegalProcess = legalProcess, PolicyVersion = policy.Version };
    }

    /// <summary>The flow's own legal process is the <c>legalProcess</c> field of the request body, not a STIX property.</summary>
    private static string Rename(string field) =>
        field.StartsWith(LegalProcessReference.Property, StringComparison.Ordinal) ? LegalProcessField + field[LegalProcessReference.Property.Length..] : field;
}
