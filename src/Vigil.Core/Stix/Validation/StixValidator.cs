using System.Text.Json.Nodes;
using Vigil.Core.Stix.Ids;
using Vigil.Core.Stix.Model;

namespace Vigil.Core.Stix.Validation;

/// <summary>
/// Validates STIX 2.1 objects against the specification: identifier form and UUID version (deterministic
/// UUIDv5 for SCOs), timestamps and their order, required properties, property shapes, vocabularies (open:
/// warning, closed: error), references, markings and extensions. Unknown properties need the <c>x_</c> prefix.
/// Never throws on bad input: every problem comes back as an issue with a JSON path.
/// </summary>
public static class StixValidator
{
    /// <summary>Validates one object; paths start at <c>$</c>.</summary>
    public static ValidationResult Validate(JsonObject obj, ValidatorOptions? options = null) =>
        Validate(obj, "$", options);

    /// <summary>Validates one object whose paths start at <paramref name="basePath"/> (e.g. <c>$.objects[3]</c>).</summary>
    public static ValidationResult Validate(JsonObject obj, string basePath, ValidatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(basePath);
        var c = new IssueCollector(basePath);
        ObjectRules.Check(c, options ?? ValidatorOptions.Default, obj);
        return c.ToResult();
    }

    /// <summary>
    /// Validates a TAXII envelope (<c>{"objects": [...]}</c>) or a STIX bundle: its shape, each object, and that
    /// no object version (same id and <c>modified</c>) appears twice.
    /// </summary>
    public static EnvelopeValidationResult ValidateEnvelope(JsonObject envelope, ValidatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        options ??= ValidatorOptions.Default;
        var envelopeErrors = new IssueCollector("$");
        try
        {
            EnvelopeRules.CheckShape(envelopeErrors, envelope);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            envelopeErrors.Error("$", "the envelope cannot be read: " + ex.Message);
            return new EnvelopeValidationResult(envelopeErrors.ToResult().Errors, []);
        }

        if (!envelope.TryGetPropertyValue("objects", out var objectsNode) || objectsNode is not JsonArray objects)
        {
            return new EnvelopeValidationResult(envelopeErrors.ToResult().Errors, []);
        }

        var results = new ObjectValidationResult[objects.Count];
        var seen = new Dictionary<(string Id, string? Version), int>(objects.Count);
        for (var i = 0; i < objects.Count; i++)
        {
            if (objects[i] is not JsonObject obj)
            {
                var c = new IssueCollector("$.objects", i);
                c.Error("", "must be a STIX object");
                results[i] = new ObjectValidationResult(i, null, null, c.ToResult());
                continue;
            }

            var collector = new IssueCollector("$.objects", i);
            ObjectRules.Check(collector, options, obj);
            var (id, version) = IdAndVersion(obj);
            if (id is not null)
            {
                if (seen.TryGetValue((id, version), out var first))
                {
                    collector.Error("id",
                        $"duplicate object: {id} (version {version ?? "none"}) already appears at $.objects[{first}]");
                }
                else
                {
                    seen[(id, version)] = i;
                }
            }

            results[i] = new ObjectValidationResult(i, id, version, collector.ToResult());
        }

        return new EnvelopeValidationResult(envelopeErrors.ToResult().Errors, results);
    }

    private static (string? Id, string? Version) IdAndVersion(JsonObject obj)
    {
        try
        {
            return (JsonRead.String(obj, "id"), JsonRead.String(obj, "modified") ?? JsonRead.String(obj, "created"));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            return (null, null); // reported by the object's own validation
        }
    }
}
