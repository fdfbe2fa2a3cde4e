using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Core.Patterning.Evaluation;

/// <summary>
/// Follows an object path into an object. <c>[*]</c> yields every element; <c>[n]</c> one (negative counts from the
/// end); a string under a property ending in <c>_ref</c> (or an element of a <c>_refs</c> list) is replaced by the
/// object it names when the path goes on. Keys under <c>hashes</c> are found without regard to case.
/// </summary>
internal static class PathResolver
{
    public static void Resolve(JsonObject root, ObjectPath path, ObservationInput? observation, List<ResolvedValue> output) =>
        Walk(root, path.ObjectType, path.Steps, 0, null, null, false, observation, output);

    private static void Walk(JsonNode? node, string ownerType, IReadOnlyList<PathStep> steps, int i, string? property, string? parent,
        bool isReference, ObservationInput? observation, List<ResolvedValue> output)
    {
        if (node is null)
        {
            return;
        }

        if (i == steps.Count)
        {
            output.Add(new ResolvedValue(node, ownerType, property, parent));
            return;
        }

        var step = steps[i];
        if (isReference && step.Kind == PathStepKind.Key)
        {
            if (observation is null || node is not JsonValue reference || reference.GetValueKind() != JsonValueKind.String)
            {
                return;
            }

            var target = observation.Dereference(reference.GetValue<string>());
            if (target is null)
            {
                return;
            }

            Walk(target, ObservationInput.TypeOf(target) ?? string.Empty, steps, i, null, null, false, observation, output);
            return;
        }

        switch (step.Kind)
        {
            case PathStepKind.Key:
                if (node is not JsonObject obj)
                {
                    return;
                }

                var key = step.Key!;
                var child = Lookup(obj, key, string.Equals(property, "hashes", StringComparison.Ordinal));
                Walk(child, ownerType, steps, i + 1, key, property, key.EndsWith("_ref", StringComparison.Ordinal), observation, output);
                return;
            case PathStepKind.Index:
                if (node is not JsonArray indexed)
                {
                    return;
                }

                var at = step.Index < 0 ? indexed.Count + step.Index : step.Index;
                if (at >= 0 && at < indexed.Count)
                {
                    Walk(indexed[at], ownerType, steps, i + 1, property, parent, IsReferenceList(property), observation, output);
                }

                return;
            default:
                if (node is not JsonArray all)
                {
                    return;
                }

                var elementIsReference = IsReferenceList(property);
                foreach (var element in all)
                {
                    Walk(element, ownerType, steps, i + 1, property, parent, elementIsReference, observation, output);
                }

                return;
        }
    }

    private static bool IsReferenceList(string? property) => property is not null && property.EndsWith("_refs", StringComparison.Ordinal);

    private static JsonNode? Lookup(JsonObject obj, string key, bool ignoreCase)
    {
        if (obj.TryGetPropertyValue(key, out var exact) || !ignoreCase)
        {
            return exact;
        }

        foreach (var (name, value) in obj)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
