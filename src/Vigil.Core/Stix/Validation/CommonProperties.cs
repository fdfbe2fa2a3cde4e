using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Vigil.Core.Stix.Model;

namespace Vigil.Core.Stix.Validation;

/// <summary>The common properties of each object family, used for custom types the registry does not define.</summary>
internal static class CommonProperties
{
    private static readonly FrozenDictionary<string, PropertySpec> Domain =
        StixTypes.Find("campaign")!.Properties.Where(p => IsCommon(p.Key)).ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, PropertySpec> Observable =
        StixTypes.Find("url")!.Properties.Where(p => p.Key != "value").ToFrozenDictionary(StringComparer.Ordinal);

    public static bool TryGet(StixKind kind, string name, [NotNullWhen(true)] out PropertySpec? spec) =>
        (kind == StixKind.Observable ? Observable : Domain).TryGetValue(name, out spec);

    private static bool IsCommon(string name) => name is "created_by_ref" or "created" or "modified" or "revoked"
        or "labels" or "confidence" or "lang" or "external_references" or "object_marking_refs"
        or "granular_markings" or "extensions";
}
