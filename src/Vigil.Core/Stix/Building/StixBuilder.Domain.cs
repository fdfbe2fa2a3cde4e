using System.Text.Json.Nodes;

namespace Vigil.Core.Stix.Building;

/// <summary>Domain and relationship objects (SDOs, SROs): UUIDv4 ids, author and timestamps.</summary>
public sealed partial class StixBuilder
{
    public JsonObject Identity(string name, string identityClass = "organization", IReadOnlyList<string>? sectors = null, string? description = null)
    {
        var o = Domain("identity");
        o["name"] = name;
        o["identity_class"] = identityClass;
        Set(o, "sectors", sectors);
        Set(o, "description", description);
        return o;
    }

    public JsonObject Campaign(string name, string? description = null, IReadOnlyList<string>? aliases = null,
        DateTimeOffset? firstSeen = null, DateTimeOffset? lastSeen = null, string? objective = null)
    {
        var o = Domain("campaign");
        o["name"] = name;
        Set(o, "description", description);
        Set(o, "aliases", aliases);
        Set(o, "first_seen", firstSeen);
        Set(o, "last_seen", lastSeen);
        Set(o, "objective", objective);
        return o;
    }

    public JsonObject IntrusionSet(string name, string? description = null, IReadOnlyList<string>? aliases = null,
        string? primaryMotivation = null, IReadOnlyList<string>? goals = null)
    {
        var o = Domain("intrusion-set");
        o["name"] = name;
        Set(o, "description", description);
        Set(o, "aliases", aliases);
        Set(o, "primary_motivation", primaryMotivation);
        Set(o, "goals", goals);
        return o;
    }

    public JsonObject ThreatActor(string name, IReadOnlyList<string>? threatActorTypes = null, string? description = null,
        string? sophistication = null)
    {
        var o = Domain("threat-actor");
        o["name"] = name;
        Set(o, "threat_actor_types", threatActorTypes);
        Set(o, "description", description);
        Set(o, "sophistication", sophistication);
        return o;
    }

    public JsonObject AttackPattern(string name, string? description = null, IReadOnlyList<JsonObject>? externalReferences = null,
        IReadOnlyList<(string KillChain, string Phase)>? killChainPhases = null)
    {
        var o = Domain("attack-pattern");
        o["name"] = name;
        Set(o, "description", description);
        SetObjects(o, "external_references", externalReferences);
        SetKillChain(o, killChainPhases);
        return o;
    }

    /// <summary>An indicator; <paramref name="pattern"/> is a STIX pattern unless <paramref name="patternType"/> says otherwise.</summary>
    public JsonObject Indicator(string pattern, DateTimeOffset validFrom, string? name = null,
        IReadOnlyList<string>? indicatorTypes = null, string? description = null, DateTimeOffset? validUntil = null,
        string patternType = "stix")
    {
        var o = Domain("indicator");
        Set(o, "name", name);
        Set(o, "description", description);
        Set(o, "indicator_types", indicatorTypes);
        o["pattern"] = pattern;
        o["pattern_type"] = patternType;
        if (patternType == "stix")
        {
            o["pattern_version"] = "2.1";
        }

        o["valid_from"] = Ts(validFrom);
        Set(o, "valid_until", validUntil);
        return o;
    }

    public JsonObject Infrastructure(string name, IReadOnlyList<string>? infrastructureTypes = null, string? description = null)
    {
        var o = Domain("infrastructure");
        o["name"] = name;
        Set(o, "infrastructure_types", infrastructureTypes);
        Set(o, "description", description);
        return o;
    }

    /// <summary>A location: give a region, a country (ISO 3166-1 alpha-2), or both coordinates.</summary>
    public JsonObject Location(string? name = null, string? country = null, string? region = null,
        double? latitude = null, double? longitude = null, string? administrativeArea = null, string? city = null)
    {
        if (region is null && country is null && (latitude is null || longitude is null))
        {
            throw new ArgumentException("A location needs a region, a country, or latitude and longitude.");
        }

        var o = Domain("location");
        Set(o, "name", name);
        Set(o, "country", country);
        Set(o, "region", region);
        if (latitude is { } lat && longitude is { } lon)
        {
            o["latitude"] = lat;
            o["longitude"] = lon;
        }

        Set(o, "administrative_area", administrativeArea);
        Set(o, "city", city);
        return o;
    }

    public JsonObject Malware(string name, bool isFamily, IReadOnlyList<string>? malwareTypes = null, string? description = null)
    {
        var o = Domain("malware");
        o["name"] = name;
        o["is_family"] = isFamily;
        Set(o, "malware_types", malwareTypes);
        Set(o, "description", description);
        return o;
    }

    public JsonObject Tool(string name, IReadOnlyList<string>? toolTypes = null, string? description = null)
    {
        var o = Domain("tool");
        o["name"] = name;
        Set(o, "tool_types", toolTypes);
        Set(o, "description", description);
        return o;
    }

    public JsonObject Note(string content, IReadOnlyList<string> objectRefs, string? @abstract = null, IReadOnlyList<string>? authors = null)
    {
        var o = Domain("note");
        Set(o, "abstract", @abstract);
        o["content"] = content;
        Set(o, "authors", authors);
        o["object_refs"] = Strings(RequireNonEmpty(objectRefs));
        return o;
    }

    /// <summary>An opinion; <paramref name="opinion"/> is one of strongly-disagree, disagree, neutral, agree, strongly-agree.</summary>
    public JsonObject Opinion(string opinion, IReadOnlyList<string> objectRefs, string? explanation = null)
    {
        var o = Domain("opinion");
        Set(o, "explanation", explanation);
        o["opinion"] = opinion;
        o["object_refs"] = Strings(RequireNonEmpty(objectRefs));
        return o;
    }

    public JsonObject Report(string name, DateTimeOffset published, IReadOnlyList<string> objectRefs,
        IReadOnlyList<string>? reportTypes = null, string? description = null)
    {
        var o = Domain("report");
        o["name"] = name;
        Set(o, "description", description);
        Set(o, "report_types", reportTypes);
        o["published"] = Ts(published);
        o["object_refs"] = Strings(RequireNonEmpty(objectRefs));
        return o;
    }

    public JsonObject Grouping(string context, IReadOnlyList<string> objectRefs, string? name = null, string? description = null)
    {
        var o = Domain("grouping");
        Set(o, "name", name);
        Set(o, "description", description);
        o["context"] = context;
        o["object_refs"] = Strings(RequireNonEmpty(objectRefs));
        return o;
    }

    public JsonObject ObservedData(DateTimeOffset firstObserved, DateTimeOffset lastObserved, int numberObserved, IReadOnlyList<string> objectRefs)
    {
        var o = Domain("observed-data");
        o["first_observed"] = Ts(firstObserved);
        o["last_observed"] = Ts(lastObserved);
        o["number_observed"] = numberObserved;
        o["object_refs"] = Strings(RequireNonEmpty(objectRefs));
        return o;
    }

    public JsonObject Relationship(string sourceRef, string relationshipType, string targetRef, string? description = null)
    {
        var o = Domain("relationship");
        o["relationship_type"] = relationshipType;
        Set(o, "description", description);
        o["source_ref"] = sourceRef;
        o["target_ref"] = targetRef;
        return o;
    }

    /// <summary>Convenience: a relationship between two objects built here (their ids are read off them).</summary>
    public JsonObject Relationship(JsonObject source, string relationshipType, JsonObject target, string? description = null) =>
        Relationship(IdOf(source), relationshipType, IdOf(target), description);

    public JsonObject Sighting(string sightingOfRef, DateTimeOffset? firstSeen = null, DateTimeOffset? lastSeen = null,
        int? count = null, IReadOnlyList<string>? observedDataRefs = null, IReadOnlyList<string>? whereSightedRefs = null,
        string? description = null)
    {
        var o = Domain("sighting");
        Set(o, "description", description);
        Set(o, "first_seen", firstSeen);
        Set(o, "last_seen", lastSeen);
        if (count is { } n)
        {
            o["count"] = n;
        }

        o["sighting_of_ref"] = sightingOfRef;
        Set(o, "observed_data_refs", observedDataRefs);
        Set(o, "where_sighted_refs", whereSightedRefs);
        return o;
    }
}
