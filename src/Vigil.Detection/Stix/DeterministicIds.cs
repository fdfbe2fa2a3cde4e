using Vigil.Core.Stix.Ids;

namespace Vigil.Detection.Stix;

/// <summary>
/// UUIDv5 ids for the domain objects of a detection bundle, from what the object stands for (a cluster's sorted
/// accounts, an indicator's pattern, a relationship's ends) and the author, so a re-run names the same objects and
/// publishing again adds versions instead of duplicates.
/// </summary>
internal sealed class DeterministicIds(string? author)
{
    /// <summary>The namespace of Vigil's detection object ids.</summary>
    public static readonly Guid Namespace = new("4f0c8b2e-7a61-4d3c-9e55-2b1d6a8f0c17");

    public string Of(string type, string key) =>
        type + "--" + Uuid5.Create(Namespace, string.Concat(type, "|", author ?? "", "|", key)).ToString("D");
}
