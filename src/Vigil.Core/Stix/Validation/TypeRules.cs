using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Vigil.Core.Stix.Ids;
using Vigil.Core.Stix.Markings;
using Vigil.Core.Stix.Model;

namespace Vigil.Core.Stix.Validation;

/// <summary>Rules of the specification that involve more than one property or a single type.</summary>
internal static class TypeRules
{
    public static void Check(IssueCollector c, ValidatorOptions o, JsonObject obj, string type)
    {
        if (obj.TryGetPropertyValue("confidence", out var confidence) && JsonRead.TryInteger(confidence, out var conf) && conf is < 0 or > 100)
        {
            c.Error(IssueCollector.PathOf("confidence"), "must be between 0 and 100");
        }

        if (obj.TryGetPropertyValue("lang", out var lang))
        {
            PropertyChecks.CheckLang(c, IssueCollector.PathOf("lang"), lang);
        }

        if (o.AllowedCreatedByRefs is { } allowed && JsonRead.String(obj, "created_by_ref") is { } author && !allowed.Contains(author))
        {
            c.Error(IssueCollector.PathOf("created_by_ref"), $"{PropertyChecks.Clip(author)} is not the identity of the posting organization");
        }

        switch (type)
        {
            case "indicator":
                Indicator(c, o, obj);
                break;
            case "relationship":
                Relationship(c, obj);
                break;
            case "sighting":
                Sighting(c, obj);
                break;
            case "observed-data":
                ObservedData(c, obj);
                break;
            case "location":
                Location(c, obj);
                break;
            case "malware":
                if (obj["is_family"]?.GetValueKind() == System.Text.Json.JsonValueKind.True && !obj.ContainsKey("name"))
                {
                    c.Error(IssueCollector.PathOf("name"), "required when is_family is true");
                }

                ObjectRules.TimestampOrder(c, obj, "first_seen", "last_seen", strictlyAfter: false);
                break;
            case "campaign" or "intrusion-set" or "threat-actor" or "infrastructure":
                ObjectRules.TimestampOrder(c, obj, "first_seen", "last_seen", strictlyAfter: false);
                break;
            case "marking-definition":
                MarkingDefinition(c, o, obj);
                break;
            case "file":
                if (!obj.ContainsKey("hashes") && !obj.ContainsKey("name"))
                {
                    c.Error(IssueCollector.PathOf("hashes"), "a file needs at least one of hashes or name");
                }

                break;
            case "artifact":
                Artifact(c, obj);
                break;
            case "ipv4-addr":
                IpValue(c, obj, AddressFamily.InterNetwork, 32);
                break;
            case "ipv6-addr":
                IpValue(c, obj, AddressFamily.InterNetworkV6, 128);
                break;
            case "url":
                if (JsonRead.String(obj, "value") is { } url && !IsAbsoluteUrl(url))
                {
                    c.Error(IssueCollector.PathOf("value"), "must be an absolute URL (RFC 3986)");
                }

                break;
            case "email-addr":
                if (JsonRead.String(obj, "value") is { } email && !email.Contains('@', StringComparison.Ordinal))
                {
                    c.Warn(IssueCollector.PathOf("value"), "does not look like an email address (no @)");
                }

                break;
            case "extension-definition":
                if (obj["extension_types"] is JsonArray types && types.Any(t => JsonRead.TryString(t, out var s) && s == "toplevel-property-extension")
                    && !obj.ContainsKey("extension_properties"))
                {
                    c.Warn(IssueCollector.PathOf("extension_properties"), "should list the top-level properties a toplevel-property-extension adds");
                }

                break;
        }
    }

    private static void Indicator(IssueCollector c, ValidatorOptions o, JsonObject obj)
    {
        ObjectRules.TimestampOrder(c, obj, "valid_from", "valid_until", strictlyAfter: true);
        if (JsonRead.String(obj, "pattern_type") != "stix" || JsonRead.String(obj, "pattern") is not { } pattern)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(pattern))
        {
            c.Error(IssueCollector.PathOf("pattern"), "must not be empty");
            return;
        }

        var check = o.PatternCheck ?? BuiltInPatternCheck;
        PatternProblem? problem;
        try
        {
            problem = check(pattern);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problem = new PatternProblem("the pattern checker failed: " + ex.Message, 0);
        }

        if (problem is not null)
        {
            c.Error(IssueCollector.PathOf("pattern"), $"invalid STIX pattern at position {problem.Position}: {problem.Message}");
        }
    }

    private static PatternProblem? BuiltInPatternCheck(string pattern) =>
        Patterning.StixPatternParser.TryParse(pattern, out _, out var error)
            ? null
            : new PatternProblem(error.Message, error.Index);

    private static void Relationship(IssueCollector c, JsonObject obj)
    {
        ObjectRules.TimestampOrder(c, obj, "start_time", "stop_time", strictlyAfter: true);
        var relationshipType = JsonRead.String(obj, "relationship_type");
        if (relationshipType is not null && !IsRelationshipTypeName(relationshipType))
        {
            c.Error(IssueCollector.PathOf("relationship_type"), "must be lowercase letters, digits and hyphens");
            relationshipType = null;
        }

        var source = EndpointType(c, obj, "source_ref");
        var target = EndpointType(c, obj, "target_ref");
        if (relationshipType is null || source is null || target is null)
        {
            return;
        }

        if (StixTypes.IsKnown(source) && StixTypes.IsKnown(target) && !RelationshipVocabulary.IsDefined(source, relationshipType, target))
        {
            c.Warn(IssueCollector.PathOf("relationship_type"),
                $"'{relationshipType}' from {source} to {target} is not a relationship the specification defines");
        }
    }

    /// <summary>The type a relationship endpoint names; SROs and meta objects cannot be endpoints.</summary>
    private static string? EndpointType(IssueCollector c, JsonObject obj, string name)
    {
        if (!StixId.TryParse(JsonRead.String(obj, name), out var id))
        {
            return null; // already reported by the identifier check
        }

        if (StixTypes.KindOf(id.Type) is StixKind.Relationship or StixKind.Meta || id.Type == "bundle")
        {
            c.Error(IssueCollector.PathOf(name), $"must reference an SDO or SCO, not a {id.Type}");
            return null;
        }

        return id.Type;
    }

    private static bool IsRelationshipTypeName(string s)
    {
        if (s.Length is 0 or > 250)
        {
            return false;
        }

        foreach (var ch in s)
        {
            if (ch is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static void Sighting(IssueCollector c, JsonObject obj)
    {
        ObjectRules.TimestampOrder(c, obj, "first_seen", "last_seen", strictlyAfter: false);
        if (obj.TryGetPropertyValue("count", out var countNode) && JsonRead.TryInteger(countNode, out var count) && count is < 0 or > 999_999_999)
        {
            c.Error(IssueCollector.PathOf("count"), "must be between 0 and 999,999,999");
        }

        if (StixId.TryParse(JsonRead.String(obj, "sighting_of_ref"), out var of) && StixTypes.KindOf(of.Type) is StixKind.Observable or StixKind.Relationship or StixKind.Meta)
        {
            c.Error(IssueCollector.PathOf("sighting_of_ref"), $"must reference an SDO, not a {of.Type}");
        }
    }

    private static void ObservedData(IssueCollector c, JsonObject obj)
    {
        ObjectRules.TimestampOrder(c, obj, "first_observed", "last_observed", strictlyAfter: false);
        if (obj.TryGetPropertyValue("number_observed", out var n) && JsonRead.TryInteger(n, out var number) && number is < 1 or > 999_999_999)
        {
            c.Error(IssueCollector.PathOf("number_observed"), "must be between 1 and 999,999,999");
        }

        var hasObjects = obj.ContainsKey("objects");
        var hasRefs = obj.ContainsKey("object_refs");
        if (hasObjects == hasRefs)
        {
            c.Error(IssueCollector.PathOf("object_refs"), "observed-data needs exactly one of object_refs or (deprecated) objects");
        }
        else if (hasObjects)
        {
            c.Warn(IssueCollector.PathOf("objects"), "deprecated in STIX 2.1; use object_refs");
        }
    }

    private static void Location(IssueCollector c, JsonObject obj)
    {
        var hasLat = obj.TryGetPropertyValue("latitude", out var latNode);
        var hasLon = obj.TryGetPropertyValue("longitude", out var lonNode);
        if (hasLat && JsonRead.TryNumber(latNode, out var lat) && lat is < -90 or > 90)
        {
            c.Error(IssueCollector.PathOf("latitude"), "must be between -90.0 and 90.0");
        }

        if (hasLon && JsonRead.TryNumber(lonNode, out var lon) && lon is < -180 or > 180)
        {
            c.Error(IssueCollector.PathOf("longitude"), "must be between -180.0 and 180.0");
        }

        if (hasLat != hasLon)
        {
            c.Error(IssueCollector.PathOf(hasLat ? "longitude" : "latitude"), "latitude and longitude go together");
        }

        if (obj.ContainsKey("precision") && !(hasLat && hasLon))
        {
            c.Error(IssueCollector.PathOf("precision"), "precision needs latitude and longitude");
        }

        if (!obj.ContainsKey("region") && !obj.ContainsKey("country") && !(hasLat && hasLon))
        {
            c.Error(IssueCollector.PathOf("region"), "a location needs region, country, or latitude and longitude");
        }
    }

    private static void MarkingDefinition(IssueCollector c, ValidatorOptions o, JsonObject obj)
    {
        var id = JsonRead.String(obj, "id");
        if (id is not null && TlpMarkings.BuiltIn(id) is { } builtIn)
        {
            // A built-in TLP id must say what the published object says, or a RED object could pose as CLEAR.
            foreach (var property in (ReadOnlySpan<string>)["name", "definition_type", "definition", "extensions"])
            {
                if (!JsonNode.DeepEquals(obj[property], builtIn[property]))
                {
                    c.Error(IssueCollector.PathOf(property), $"differs from the published TLP marking-definition {id}");
                }
            }
        }

        var hasType = obj.TryGetPropertyValue("definition_type", out var typeNode);
        var hasDefinition = obj.TryGetPropertyValue("definition", out var definitionNode);
        if (!obj.ContainsKey("extensions"))
        {
            if (!hasType)
            {
                c.Error(IssueCollector.PathOf("definition_type"), "required unless the marking is defined by an extension");
            }

            if (!hasDefinition)
            {
                c.Error(IssueCollector.PathOf("definition"), "required unless the marking is defined by an extension");
            }
        }

        if (hasType != hasDefinition)
        {
            c.Error(IssueCollector.PathOf(hasType ? "definition" : "definition_type"), "definition and definition_type go together");
        }

        if (!JsonRead.TryString(typeNode, out var definitionType) || definitionNode is not JsonObject definition)
        {
            return;
        }

        var path = IssueCollector.PathOf("definition");
        switch (definitionType)
        {
            case "statement":
                if (!definition.TryGetPropertyValue("statement", out var statement))
                {
                    c.Error(path + ".statement", "required property missing");
                }
                else
                {
                    PropertyChecks.CheckString(c, o, path + ".statement", statement);
                }

                break;
            case "tlp":
                if (!JsonRead.TryString(definition["tlp"], out var tlp) || tlp is not ("white" or "green" or "amber" or "red"))
                {
                    c.Error(path + ".tlp", "must be one of white, green, amber, red");
                }

                break;
        }
    }

    private static void Artifact(IssueCollector c, JsonObject obj)
    {
        var hasPayload = obj.ContainsKey("payload_bin");
        var hasUrl = obj.ContainsKey("url");
        if (hasPayload && hasUrl)
        {
            c.Error(IssueCollector.PathOf("url"), "an artifact has payload_bin or url, not both");
        }

        if (hasUrl && !obj.ContainsKey("hashes"))
        {
            c.Error(IssueCollector.PathOf("hashes"), "required when url is given");
        }

        if (obj.ContainsKey("decryption_key") && !obj.ContainsKey("encryption_algorithm"))
        {
            c.Error(IssueCollector.PathOf("decryption_key"), "needs encryption_algorithm");
        }
    }

    /// <summary>RFC 3986 absolute URI: a scheme (letter, then letters, digits, + - .) and a colon, then what Uri accepts.</summary>
    private static bool IsAbsoluteUrl(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 1 || !char.IsAsciiLetter(value[0]))
        {
            return false;
        }

        foreach (var ch in value.AsSpan(0, colon))
        {
            if (!char.IsAsciiLetterOrDigit(ch) && ch is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return Uri.TryCreate(value, UriKind.Absolute, out _);
    }

    private static void IpValue(IssueCollector c, JsonObject obj, AddressFamily family, int maxPrefix)
    {
        if (JsonRead.String(obj, "value") is not { } value)
        {
            return;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var address = slash < 0 ? value.AsSpan() : value.AsSpan(0, slash);
        var ok = IPAddress.TryParse(address, out var ip) && ip.AddressFamily == family;
        if (ok && family == AddressFamily.InterNetwork && address.Count('.') != 3)
        {
            ok = false; // IPAddress accepts "1.2" as 1.0.0.2; STIX wants dotted quads
        }

        if (ok && slash >= 0)
        {
            ok = int.TryParse(value.AsSpan(slash + 1), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var prefix) && prefix <= maxPrefix;
        }

        if (!ok)
        {
            c.Error(IssueCollector.PathOf("value"), family == AddressFamily.InterNetwork
                ? "must be an IPv4 address or CIDR block"
                : "must be an IPv6 address or CIDR block");
        }
    }
}
