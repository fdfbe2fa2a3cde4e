using System.Text.Json.Nodes;
using Vigil.Core.Stix.Markings;
using Vigil.Core.Stix.Model;

namespace Vigil.Core.Stix.Validation;

/// <summary>The specification's embedded types: hashes, dictionaries, kill-chain phases, external references, granular markings.</summary>
internal static class EmbeddedTypeChecks
{
    public static void CheckHashes(IssueCollector c, string path, JsonNode? value)
    {
        if (value is not JsonObject hashes)
        {
            c.Error(path, "must be an object of hash algorithm to hash value");
            return;
        }

        if (hashes.Count == 0)
        {
            c.Error(path, "must hold at least one hash");
        }

        foreach (var (algorithm, hashNode) in hashes)
        {
            var p = path + "." + algorithm;
            if (!JsonRead.TryString(hashNode, out var hash))
            {
                c.Error(p, "hash value must be a string");
                continue;
            }

            var expectedHex = algorithm switch
            {
                "MD5" => 32,
                "SHA-1" => 40,
                "SHA-256" or "SHA3-256" => 64,
                "SHA-512" or "SHA3-512" => 128,
                _ => 0,
            };
            if (expectedHex > 0 && (hash.Length != expectedHex || !PropertyChecks.IsHex(hash)))
            {
                c.Error(p, $"is not a {algorithm} hash ({expectedHex} hexadecimal digits)");
            }
            else if (expectedHex == 0 && !Vocabularies.HashingAlgorithm.Contains(algorithm))
            {
                if (algorithm.Length > 250)
                {
                    c.Error(p, "hash algorithm names are at most 250 characters");
                }
                else
                {
                    c.Warn(p, $"'{PropertyChecks.Clip(algorithm)}' is not in the open vocabulary hashing-algorithm-ov");
                }
            }
        }
    }

    public static void CheckDictionary(IssueCollector c, string path, JsonNode? value)
    {
        if (value is not JsonObject dict)
        {
            c.Error(path, "must be an object");
            return;
        }

        foreach (var (key, _) in dict)
        {
            if (key.Length > 250)
            {
                c.Error(path + "." + PropertyChecks.Clip(key), "dictionary keys are at most 250 characters");
            }
        }
    }

    public static void CheckKillChainPhase(IssueCollector c, ValidatorOptions o, string path, JsonNode? item)
    {
        if (item is not JsonObject phase)
        {
            c.Error(path, "must be a kill-chain-phase object {kill_chain_name, phase_name}");
            return;
        }

        foreach (var name in (ReadOnlySpan<string>)["kill_chain_name", "phase_name"])
        {
            if (!phase.TryGetPropertyValue(name, out var v))
            {
                c.Error(path + "." + name, "required property missing");
            }
            else
            {
                PropertyChecks.CheckString(c, o, path + "." + name, v);
                if (JsonRead.TryString(v, out var s) && !PropertyChecks.IsLowerHyphenated(s))
                {
                    c.Warn(path + "." + name, "should be lowercase with hyphens");
                }
            }
        }

        foreach (var (key, _) in phase)
        {
            if (key is not ("kill_chain_name" or "phase_name") && !key.StartsWith("x_", StringComparison.Ordinal))
            {
                c.Error(path + "." + key, "unknown property of a kill-chain-phase");
            }
        }
    }

    public static void CheckExternalReference(IssueCollector c, ValidatorOptions o, string path, JsonNode? item)
    {
        if (item is not JsonObject reference)
        {
            c.Error(path, "must be an external-reference object");
            return;
        }

        if (!reference.TryGetPropertyValue("source_name", out var sourceName))
        {
            c.Error(path + ".source_name", "required property missing");
        }
        else
        {
            PropertyChecks.CheckString(c, o, path + ".source_name", sourceName);
        }

        var hasDetail = false;
        foreach (var (key, v) in reference)
        {
            switch (key)
            {
                case "source_name":
                    break;
                case "description" or "url" or "external_id":
                    hasDetail = true;
                    PropertyChecks.CheckString(c, o, path + "." + key, v);
                    break;
                case "hashes":
                    CheckHashes(c, path + ".hashes", v);
                    break;
                default:
                    if (!key.StartsWith("x_", StringComparison.Ordinal))
                    {
                        c.Error(path + "." + key, "unknown property of an external reference");
                    }

                    break;
            }
        }

        if (!hasDetail)
        {
            c.Error(path, "an external reference needs at least one of description, url or external_id");
        }
    }

    public static void CheckGranularMarking(IssueCollector c, JsonObject root, string path, JsonNode? item)
    {
        if (item is not JsonObject marking)
        {
            c.Error(path, "must be a granular-marking object {selectors, marking_ref | lang}");
            return;
        }

        var hasRef = marking.TryGetPropertyValue("marking_ref", out var markingRef);
        var hasLang = marking.TryGetPropertyValue("lang", out var lang);
        if (hasRef == hasLang)
        {
            c.Error(path, "a granular marking needs exactly one of marking_ref or lang");
        }

        if (hasRef)
        {
            PropertyChecks.CheckIdentifier(c, path + ".marking_ref", markingRef, ["marking-definition"]);
        }

        if (hasLang)
        {
            PropertyChecks.CheckLang(c, path + ".lang", lang);
        }

        if (!marking.TryGetPropertyValue("selectors", out var selectors))
        {
            c.Error(path + ".selectors", "required property missing");
        }
        else
        {
            if (PropertyChecks.TryList(c, path + ".selectors", selectors, out var list))
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (!JsonRead.TryString(list[i], out var selector))
                    {
                        c.Error(IssueCollector.Index(path + ".selectors", i), "a selector must be a string");
                    }
                    else if (GranularSelector.Resolve(root, selector) is { } problem)
                    {
                        c.Error(IssueCollector.Index(path + ".selectors", i), $"selector '{PropertyChecks.Clip(selector)}' {problem}");
                    }
                }
            }
        }

        foreach (var (key, _) in marking)
        {
            if (key is not ("marking_ref" or "lang" or "selectors") && !key.StartsWith("x_", StringComparison.Ordinal))
            {
                c.Error(path + "." + key, "unknown property of a granular marking");
            }
        }

    }
}
