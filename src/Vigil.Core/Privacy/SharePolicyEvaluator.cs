using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Core.Members;

namespace Vigil.Core.Privacy;

/// <summary>
/// Applies a <see cref="DataPolicy"/> to one object: its content classes (from <c>x_vigil_content_class</c> on the
/// object and on objects nested in it, and from personal data detected in free text) against the sectors its
/// audience reaches, honouring a legal-process reference for government members. Pure: no I/O.
/// </summary>
public static class SharePolicyEvaluator
{
    /// <summary>Every content class the object carries, each with the field it came from; or the bad class value.</summary>
    public static (IReadOnlyList<ClassifiedField> Classes, FieldError? Error) Classify(JsonObject stix, string path = "")
    {
        ArgumentNullException.ThrowIfNull(stix);
        var classes = new List<ClassifiedField>();
        var error = Explicit(stix, path, classes);
        if (error is not null)
        {
            return ([], error);
        }

        foreach (var finding in PersonalDataDetector.Scan(stix, path))
        {
            classes.Add(new ClassifiedField(ContentClasses.NonPublicAccountData, finding.Path));
        }

        return (classes, null);
    }

    /// <summary>The sectors some of <paramref name="classes"/> may not reach freely; when none, the audience does not matter.</summary>
    public static IReadOnlySet<Sector> RestrictedSectors(DataPolicy policy, IReadOnlyList<ClassifiedField> classes)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.Count == 0)
        {
            return FrozenSet<Sector>.Empty;
        }

        var restricted = new HashSet<Sector>();
        foreach (var classified in classes)
        {
            var rule = policy.RuleFor(classified.ContentClass);
            foreach (var sector in SectorNames.All)
            {
                if (rule is null || !rule.Allows(sector))
                {
                    restricted.Add(sector);
                }
            }
        }

        return restricted;
    }

    /// <summary>Classifies <paramref name="stix"/> and decides whether it may reach <paramref name="sectors"/>.</summary>
    public static ShareDecision Evaluate(DataPolicy policy, JsonObject stix, IReadOnlyCollection<Sector> sectors, LegalProcessReference? legalProcess, string path = "")
    {
        var (classes, error) = Classify(stix, path);
        return error is not null
            ? ShareDecision.Refuse(ShareDecision.BadContentClassRule, error.Field, error.Message)
            : Evaluate(policy, classes, sectors, legalProcess, path);
    }

    /// <summary>Decides whether an object carrying <paramref name="classes"/> may reach <paramref name="sectors"/>; the first refusal wins.</summary>
    public static ShareDecision Evaluate(DataPolicy policy, IReadOnlyList<ClassifiedField> classes, IReadOnlyCollection<Sector> sectors, LegalProcessReference? legalProcess, string path = "")
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(sectors);
        foreach (var classified in classes)
        {
            var rule = policy.RuleFor(classified.ContentClass);
            foreach (var sector in SectorNames.All)
            {
                if (!sectors.Contains(sector) || (rule is not null && rule.Allows(sector)))
                {
                    continue;
                }

                var ruleId = $"{classified.ContentClass}/{SectorNames.NameOf(sector)}";
                var accepted = sector == Sector.Government && rule is not null ? rule.GovernmentLegalProcess : [];
                if (accepted.Count == 0)
                {
                    return ShareDecision.Refuse(ruleId, classified.Field,
                        $"{classified.ContentClass} may not go to {SectorNames.NameOf(sector)} members (policy version {policy.Version}).", classified.ContentClass, sector);
                }

                if (legalProcess is null)
                {
                    return ShareDecision.Refuse(ruleId, classified.Field,
                        $"{classified.ContentClass} may go to government members only with a legal-process reference ({LegalProcessReference.Property}) " +
                        $"of type {string.Join(", ", accepted)} (policy version {policy.Version}).", classified.ContentClass, sector);
                }

                if (!accepted.Contains(legalProcess.Type, StringComparer.Ordinal))
                {
                    var field = (path.Length == 0 ? string.Empty : path + ".") + LegalProcessReference.Property + ".type";
                    return ShareDecision.Refuse(ruleId, field,
                        $"a {legalProcess.Type} is not accepted for {classified.ContentClass} going to government members; accepted: {string.Join(", ", accepted)} " +
                        $"(policy version {policy.Version}).", classified.ContentClass, sector);
                }
            }
        }

        return ShareDecision.Allow;
    }

    private static FieldError? Explicit(JsonObject json, string path, List<ClassifiedField> classes)
    {
        foreach (var (key, node) in json)
        {
            if (node is JsonValue && key != ContentClasses.Property)
            {
                continue;
            }

            var where = path.Length == 0 ? key : path + "." + key;
            if (key == ContentClasses.Property)
            {
                if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String || !ContentClasses.IsKnown(value.GetValue<string>()))
                {
                    return new FieldError(where, $"{node?.ToJsonString() ?? "null"} is not a content class; expected one of {string.Join(", ", ContentClasses.All)}.");
                }

                classes.Add(new ClassifiedField(value.GetValue<string>(), where));
            }
            else if (node is JsonObject child && Explicit(child, where, classes) is { } error)
            {
                return error;
            }
            else if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject item && Explicit(item, $"{where}[{i}]", classes) is { } itemError)
                    {
                        return itemError;
                    }
                }
            }
        }

        return null;
    }
}
