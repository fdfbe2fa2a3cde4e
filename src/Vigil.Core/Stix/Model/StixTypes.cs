using System.Collections.Frozen;
using K = Vigil.Core.Stix.Model.PropertyKind;

namespace Vigil.Core.Stix.Model;

/// <summary>The STIX 2.1 types Vigil knows, with their properties as the specification defines them.</summary>
public static class StixTypes
{
    private static readonly string[] Identity = ["identity"];
    private static readonly string[] Marking = ["marking-definition"];
    private static readonly string[] Software = ["software"];
    private static readonly string[] EmailAddr = ["email-addr"];
    private static readonly string[] Artifact = ["artifact"];
    private static readonly string[] NetworkTraffic = ["network-traffic"];

    private static PropertySpec P(string name, PropertyKind kind, Vocabulary? vocab = null, string[]? refs = null) =>
        new(name, kind, false, vocab, refs);

    private static PropertySpec R(string name, PropertyKind kind, Vocabulary? vocab = null, string[]? refs = null) =>
        new(name, kind, true, vocab, refs);

    private static readonly PropertySpec[] Core =
    [
        R("type", K.String), R("id", K.Identifier),
    ];

    private static readonly PropertySpec[] DomainCommon =
    [
        .. Core, R("spec_version", K.String), P("created_by_ref", K.Identifier, refs: Identity),
        R("created", K.Timestamp), R("modified", K.Timestamp), P("revoked", K.Boolean), P("labels", K.StringList),
        P("confidence", K.Integer), P("lang", K.String), P("external_references", K.ExternalReferences),
        P("object_marking_refs", K.IdentifierList, refs: Marking), P("granular_markings", K.GranularMarkings),
        P("extensions", K.Extensions),
    ];

    private static readonly PropertySpec[] ObservableCommon =
    [
        .. Core, P("spec_version", K.String), P("object_marking_refs", K.IdentifierList, refs: Marking),
        P("granular_markings", K.GranularMarkings), P("defanged", K.Boolean), P("extensions", K.Extensions),
    ];

    private static StixTypeDefinition Sdo(string type, params PropertySpec[] props) =>
        new(type, StixKind.Domain, [.. DomainCommon, .. props]);

    private static StixTypeDefinition Sco(string type, string[] idContributing, string[]? extensions, params PropertySpec[] props) =>
        new(type, StixKind.Observable, [.. ObservableCommon, .. props], idContributing, extensions);

    private static readonly StixTypeDefinition[] All =
    [
        Sdo("attack-pattern", R("name", K.String), P("description", K.String), P("aliases", K.StringList),
            P("kill_chain_phases", K.KillChainPhases)),
        Sdo("campaign", R("name", K.String), P("description", K.String), P("aliases", K.StringList),
            P("first_seen", K.Timestamp), P("last_seen", K.Timestamp), P("objective", K.String)),
        Sdo("course-of-action", R("name", K.String), P("description", K.String), P("action", K.Any)),
        Sdo("grouping", P("name", K.String), P("description", K.String),
            R("context", K.OpenVocab, Vocabularies.GroupingContext), R("object_refs", K.IdentifierList)),
        Sdo("identity", R("name", K.String), P("description", K.String), P("roles", K.StringList),
            P("identity_class", K.OpenVocab, Vocabularies.IdentityClass),
            P("sectors", K.OpenVocabList, Vocabularies.IndustrySector), P("contact_information", K.String)),
        Sdo("incident", R("name", K.String), P("description", K.String), P("kill_chain_phases", K.KillChainPhases)),
        Sdo("indicator", P("name", K.String), P("description", K.String),
            P("indicator_types", K.OpenVocabList, Vocabularies.IndicatorType), R("pattern", K.String),
            R("pattern_type", K.OpenVocab, Vocabularies.PatternType), P("pattern_version", K.String),
            R("valid_from", K.Timestamp), P("valid_until", K.Timestamp), P("kill_chain_phases", K.KillChainPhases)),
        Sdo("infrastructure", R("name", K.String), P("description", K.String),
            P("infrastructure_types", K.OpenVocabList, Vocabularies.InfrastructureType), P("aliases", K.StringList),
            P("kill_chain_phases", K.KillChainPhases), P("first_seen", K.Timestamp), P("last_seen", K.Timestamp)),
        Sdo("intrusion-set", R("name", K.String), P("description", K.String), P("aliases", K.StringList),
            P("first_seen", K.Timestamp), P("last_seen", K.Timestamp), P("goals", K.StringList),
            P("resource_level", K.OpenVocab, Vocabularies.AttackResourceLevel),
            P("primary_motivation", K.OpenVocab, Vocabularies.AttackMotivation),
            P("secondary_motivations", K.OpenVocabList, Vocabularies.AttackMotivation)),
        Sdo("location", P("name", K.String), P("description", K.String), P("latitude", K.Float), P("longitude", K.Float),
            P("precision", K.Float), P("region", K.OpenVocab, Vocabularies.Region), P("country", K.String),
            P("administrative_area", K.String), P("city", K.String), P("street_address", K.String),
            P("postal_code", K.String)),
        Sdo("malware", P("name", K.String), P("description", K.String),
            P("malware_types", K.OpenVocabList, Vocabularies.MalwareType), R("is_family", K.Boolean),
            P("aliases", K.StringList), P("kill_chain_phases", K.KillChainPhases), P("first_seen", K.Timestamp),
            P("last_seen", K.Timestamp), P("operating_system_refs", K.IdentifierList, refs: Software),
            P("architecture_execution_envs", K.OpenVocabList, Vocabularies.ProcessorArchitecture),
            P("implementation_languages", K.OpenVocabList, Vocabularies.ImplementationLanguage),
            P("capabilities", K.OpenVocabList, Vocabularies.MalwareCapabilities),
            P("sample_refs", K.IdentifierList, refs: ["file", "artifact"])),
        Sdo("malware-analysis", R("product", K.String), P("version", K.String),
            P("host_vm_ref", K.Identifier, refs: Software), P("operating_system_ref", K.Identifier, refs: Software),
            P("installed_software_refs", K.IdentifierList, refs: Software), P("configuration_version", K.String),
            P("modules", K.StringList), P("analysis_engine_version", K.String),
            P("analysis_definition_version", K.String), P("submitted", K.Timestamp), P("analysis_started", K.Timestamp),
            P("analysis_ended", K.Timestamp), P("result_name", K.String),
            P("result", K.OpenVocab, Vocabularies.MalwareResult), P("analysis_sco_refs", K.IdentifierList),
            P("sample_ref", K.Identifier, refs: ["file", "network-traffic", "artifact"])),
        Sdo("note", P("abstract", K.String), R("content", K.String), P("authors", K.StringList),
            R("object_refs", K.IdentifierList)),
        Sdo("observed-data", R("first_observed", K.Timestamp), R("last_observed", K.Timestamp),
            R("number_observed", K.Integer), P("objects", K.Object), P("object_refs", K.IdentifierList)),
        Sdo("opinion", P("explanation", K.String), P("authors", K.StringList),
            R("opinion", K.Enum, Vocabularies.Opinion), R("object_refs", K.IdentifierList)),
        Sdo("report", R("name", K.String), P("description", K.String),
            P("report_types", K.OpenVocabList, Vocabularies.ReportType), R("published", K.Timestamp),
            R("object_refs", K.IdentifierList)),
        Sdo("threat-actor", R("name", K.String), P("description", K.String),
            P("threat_actor_types", K.OpenVocabList, Vocabularies.ThreatActorType), P("aliases", K.StringList),
            P("first_seen", K.Timestamp), P("last_seen", K.Timestamp),
            P("roles", K.OpenVocabList, Vocabularies.ThreatActorRole), P("goals", K.StringList),
            P("sophistication", K.OpenVocab, Vocabularies.ThreatActorSophistication),
            P("resource_level", K.OpenVocab, Vocabularies.AttackResourceLevel),
            P("primary_motivation", K.OpenVocab, Vocabularies.AttackMotivation),
            P("secondary_motivations", K.OpenVocabList, Vocabularies.AttackMotivation),
            P("personal_motivations", K.OpenVocabList, Vocabularies.AttackMotivation)),
        Sdo("tool", R("name", K.String), P("description", K.String),
            P("tool_types", K.OpenVocabList, Vocabularies.ToolType), P("aliases", K.StringList),
            P("kill_chain_phases", K.KillChainPhases), P("tool_version", K.String)),
        Sdo("vulnerability", R("name", K.String), P("description", K.String)),

        new("relationship", StixKind.Relationship,
        [
            .. DomainCommon, R("relationship_type", K.String), P("description", K.String),
            R("source_ref", K.Identifier), R("target_ref", K.Identifier), P("start_time", K.Timestamp),
            P("stop_time", K.Timestamp),
        ]),
        new("sighting", StixKind.Relationship,
        [
            .. DomainCommon, P("description", K.String), P("first_seen", K.Timestamp), P("last_seen", K.Timestamp),
            P("count", K.Integer), R("sighting_of_ref", K.Identifier),
            P("observed_data_refs", K.IdentifierList, refs: ["observed-data"]),
            P("where_sighted_refs", K.IdentifierList, refs: ["identity", "location"]), P("summary", K.Boolean),
        ]),

        Sco("artifact", ["hashes", "payload_bin"], null, P("mime_type", K.String), P("payload_bin", K.Binary),
            P("url", K.String), P("hashes", K.Hashes),
            P("encryption_algorithm", K.Enum, Vocabularies.EncryptionAlgorithm),
            P("decryption_key", K.String)),
        Sco("autonomous-system", ["number"], null, R("number", K.Integer), P("name", K.String), P("rir", K.String)),
        Sco("directory", ["path"], null, R("path", K.String), P("path_enc", K.String), P("ctime", K.Timestamp),
            P("mtime", K.Timestamp), P("atime", K.Timestamp),
            P("contains_refs", K.IdentifierList, refs: ["file", "directory"])),
        Sco("domain-name", ["value"], null, R("value", K.String),
            P("resolves_to_refs", K.IdentifierList, refs: ["ipv4-addr", "ipv6-addr", "domain-name"])),
        Sco("email-addr", ["value"], null, R("value", K.String), P("display_name", K.String),
            P("belongs_to_ref", K.Identifier, refs: ["user-account"])),
        Sco("email-message", ["from_ref", "subject", "body"], null, R("is_multipart", K.Boolean),
            P("date", K.Timestamp), P("content_type", K.String), P("from_ref", K.Identifier, refs: EmailAddr),
            P("sender_ref", K.Identifier, refs: EmailAddr), P("to_refs", K.IdentifierList, refs: EmailAddr),
            P("cc_refs", K.IdentifierList, refs: EmailAddr), P("bcc_refs", K.IdentifierList, refs: EmailAddr),
            P("message_id", K.String), P("subject", K.String), P("received_lines", K.StringList),
            P("additional_header_fields", K.Dictionary), P("body", K.String), P("body_multipart", K.ObjectList),
            P("raw_email_ref", K.Identifier, refs: Artifact)),
        Sco("file", ["hashes", "name", "extensions", "parent_directory_ref"],
            ["archive-ext", "ntfs-ext", "pdf-ext", "raster-image-ext", "windows-pebinary-ext"],
            P("hashes", K.Hashes), P("size", K.Integer), P("name", K.String), P("name_enc", K.String),
            P("magic_number_hex", K.Hex), P("mime_type", K.String), P("ctime", K.Timestamp), P("mtime", K.Timestamp),
            P("atime", K.Timestamp), P("parent_directory_ref", K.Identifier, refs: ["directory"]),
            P("contains_refs", K.IdentifierList), P("content_ref", K.Identifier, refs: Artifact)),
        Sco("ipv4-addr", ["value"], null, R("value", K.String),
            P("resolves_to_refs", K.IdentifierList, refs: ["mac-addr"]),
            P("belongs_to_refs", K.IdentifierList, refs: ["autonomous-system"])),
        Sco("ipv6-addr", ["value"], null, R("value", K.String),
            P("resolves_to_refs", K.IdentifierList, refs: ["mac-addr"]),
            P("belongs_to_refs", K.IdentifierList, refs: ["autonomous-system"])),
        Sco("mac-addr", ["value"], null, R("value", K.String)),
        Sco("mutex", ["name"], null, R("name", K.String)),
        Sco("network-traffic", ["start", "end", "src_ref", "dst_ref", "src_port", "dst_port", "protocols", "extensions"],
            ["http-request-ext", "icmp-ext", "socket-ext", "tcp-ext"],
            P("start", K.Timestamp), P("end", K.Timestamp), P("is_active", K.Boolean),
            P("src_ref", K.Identifier, refs: ["ipv4-addr", "ipv6-addr", "mac-addr", "domain-name"]),
            P("dst_ref", K.Identifier, refs: ["ipv4-addr", "ipv6-addr", "mac-addr", "domain-name"]),
            P("src_port", K.Integer), P("dst_port", K.Integer), R("protocols", K.StringList),
            P("src_byte_count", K.Integer), P("dst_byte_count", K.Integer), P("src_packets", K.Integer),
            P("dst_packets", K.Integer), P("ipfix", K.Dictionary), P("src_payload_ref", K.Identifier, refs: Artifact),
            P("dst_payload_ref", K.Identifier, refs: Artifact),
            P("encapsulates_refs", K.IdentifierList, refs: NetworkTraffic),
            P("encapsulated_by_ref", K.Identifier, refs: NetworkTraffic)),
        Sco("process", [], ["windows-process-ext", "windows-service-ext"], P("is_hidden", K.Boolean),
            P("pid", K.Integer), P("created_time", K.Timestamp), P("cwd", K.String), P("command_line", K.String),
            P("environment_variables", K.Dictionary),
            P("opened_connection_refs", K.IdentifierList, refs: NetworkTraffic),
            P("creator_user_ref", K.Identifier, refs: ["user-account"]), P("image_ref", K.Identifier, refs: ["file"]),
            P("parent_ref", K.Identifier, refs: ["process"]), P("child_refs", K.IdentifierList, refs: ["process"])),
        Sco("software", ["name", "cpe", "swid", "vendor", "version"], null, R("name", K.String), P("cpe", K.String),
            P("swid", K.String), P("languages", K.StringList), P("vendor", K.String), P("version", K.String)),
        Sco("url", ["value"], null, R("value", K.String)),
        Sco("user-account", ["account_type", "user_id", "account_login"], ["unix-account-ext"],
            P("user_id", K.String), P("credential", K.String), P("account_login", K.String),
            P("account_type", K.OpenVocab, Vocabularies.AccountType), P("display_name", K.String),
            P("is_service_account", K.Boolean), P("is_privileged", K.Boolean), P("can_escalate_privs", K.Boolean),
            P("is_disabled", K.Boolean), P("account_created", K.Timestamp), P("account_expires", K.Timestamp),
            P("credential_last_changed", K.Timestamp), P("account_first_login", K.Timestamp),
            P("account_last_login", K.Timestamp)),
        Sco("windows-registry-key", ["key", "values"], null, P("key", K.String), P("values", K.ObjectList),
            P("modified_time", K.Timestamp), P("creator_user_ref", K.Identifier, refs: ["user-account"]),
            P("number_of_subkeys", K.Integer)),
        Sco("x509-certificate", ["hashes", "serial_number"], null, P("is_self_signed", K.Boolean),
            P("hashes", K.Hashes), P("version", K.String), P("serial_number", K.String),
            P("signature_algorithm", K.String), P("issuer", K.String), P("validity_not_before", K.Timestamp),
            P("validity_not_after", K.Timestamp), P("subject", K.String), P("subject_public_key_algorithm", K.String),
            P("subject_public_key_modulus", K.String), P("subject_public_key_exponent", K.Integer),
            P("x509_v3_extensions", K.Object)),

        new("marking-definition", StixKind.Meta,
        [
            .. Core, R("spec_version", K.String), P("created_by_ref", K.Identifier, refs: Identity),
            R("created", K.Timestamp), P("external_references", K.ExternalReferences),
            P("object_marking_refs", K.IdentifierList, refs: Marking), P("granular_markings", K.GranularMarkings),
            P("extensions", K.Extensions), P("name", K.String),
            P("definition_type", K.OpenVocab, Vocabularies.MarkingDefinitionType), P("definition", K.Object),
        ]),
        new("extension-definition", StixKind.Meta,
        [
            .. Core, R("spec_version", K.String), R("created_by_ref", K.Identifier, refs: Identity),
            R("created", K.Timestamp), R("modified", K.Timestamp), P("revoked", K.Boolean), P("labels", K.StringList),
            P("external_references", K.ExternalReferences), P("object_marking_refs", K.IdentifierList, refs: Marking),
            P("granular_markings", K.GranularMarkings), R("name", K.String), P("description", K.String),
            R("schema", K.String), R("version", K.String),
            R("extension_types", K.EnumList, Vocabularies.ExtensionType), P("extension_properties", K.StringList),
        ]),
        new("language-content", StixKind.Meta,
        [
            .. DomainCommon.Where(p => p.Name != "lang"), R("object_ref", K.Identifier),
            P("object_modified", K.Timestamp), R("contents", K.Dictionary),
        ]),
    ];

    private static readonly FrozenDictionary<string, StixTypeDefinition> ByType =
        All.ToFrozenDictionary(d => d.Type, StringComparer.Ordinal);

    /// <summary>Every type definition.</summary>
    public static IReadOnlyCollection<StixTypeDefinition> Definitions => ByType.Values;

    public static StixTypeDefinition? Find(string type) => ByType.GetValueOrDefault(type);

    public static bool IsKnown(string type) => ByType.ContainsKey(type);

    /// <summary>The family of a type, or null for a custom or unknown type.</summary>
    public static StixKind? KindOf(string type) => ByType.TryGetValue(type, out var d) ? d.Kind : null;
}
