using System.Text.Json.Nodes;
using Vigil.Core.Stix.Validation;

namespace Vigil.Core.Tests.Stix;

public sealed class ValidatorRuleTests
{
    private static JsonObject Example(string type) => SpecExamples.Parse(SpecExamples.All[type]);

    private static ValidationResult ValidateChanged(string type, Action<JsonObject> change, ValidatorOptions? options = null)
    {
        var obj = Example(type);
        change(obj);
        return StixValidator.Validate(obj, options);
    }

    [Fact]
    public void Missing_type_is_rejected()
    {
        ValidationAssert.HasError(ValidateChanged("campaign", o => o.Remove("type")), "$.type", "required");
    }

    [Fact]
    public void Unknown_type_without_x_prefix_is_rejected()
    {
        ValidationAssert.HasError(ValidateChanged("campaign", o =>
        {
            o["type"] = "election-thing";
            o["id"] = "election-thing--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";
        }), "$.type", "unknown STIX type");
    }

    [Fact]
    public void Id_of_another_type_is_rejected()
    {
        ValidationAssert.HasError(ValidateChanged("campaign", o => o["id"] = "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"),
            "$.id", "type 'indicator'");
    }

    [Theory]
    [InlineData("campaign-8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")]
    [InlineData("campaign--8e2e2d2b17d44cbf938f98ee46b3cd3f")]
    [InlineData("campaign--not-a-uuid")]
    [InlineData("")]
    public void Malformed_id_is_rejected(string id)
    {
        ValidationAssert.HasError(ValidateChanged("campaign", o => o["id"] = id), "$.id", "type--UUID");
    }

    [Fact]
    public void Non_rfc4122_uuid_is_rejected()
    {
        ValidationAssert.HasError(ValidateChanged("campaign", o => o["id"] = "campaign--8e2e2d2b-17d4-4cbf-c38f-98ee46b3cd3f"),
            "$.id", "RFC 4122");
    }

    [Fact]
    public void Non_v4_uuid_on_an_sdo_warns_by_default_and_fails_when_required()
    {
        static void V1(JsonObject o) => o["id"] = "campaign--8e2e2d2b-17d4-1cbf-938f-98ee46b3cd3f";

        var lenient = ValidateChanged("campaign", V1);
        ValidationAssert.Valid(lenient);
        ValidationAssert.HasWarning(lenient, "$.id", "UUIDv4");
        ValidationAssert.HasError(ValidateChanged("campaign", V1, new ValidatorOptions { RequireUuidV4ForNonObservables = true }), "$.id", "UUIDv4");
    }

    [Fact]
    public void Sco_with_wrong_deterministic_id_is_rejected()
    {
        ValidationAssert.HasError(ValidateChanged("url", o => o["value"] = "https://example.org/other"), "$.id", "deterministic id");
    }

    [Fact]
    public void Sco_with_random_id_warns_when_random_ids_are_allowed()
    {
        var result = ValidateChanged("domain-name", o => o["id"] = "domain-name--ecb120bf-2694-4902-a737-62b74539a41b",
            new ValidatorOptions { ScoIds = ScoIdCheck.AllowRandom });

        ValidationAssert.Valid(result);
        ValidationAssert.HasWarning(result, "$.id");
    }

    [Fact]
    public void Sco_with_wrong_uuid5_id_fails_even_when_random_ids_are_allowed()
    {
        var result = ValidateChanged("domain-name", o => o["id"] = "domain-name--3c10e93f-798e-5a26-a0c1-08156efab7f5",
            new ValidatorOptions { ScoIds = ScoIdCheck.AllowRandom });

        ValidationAssert.HasError(result, "$.id", "domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7");
    }

    [Theory]
    [InlineData("2.0")]
    [InlineData("2.2")]
    public void Spec_version_other_than_2_1_is_rejected(string version)
    {
        ValidationAssert.HasError(ValidateChanged("campaign", o => o["spec_version"] = version), "$.spec_version", "2.1");
    }

    [Fact]
    public void Spec_version_may_be_omitted_on_scos_but_not_on_sdos()
    {
        ValidationAssert.Valid(ValidateChanged("url", o => o.Remove("spec_version")));
        ValidationAssert.HasError(ValidateChanged("campaign", o => o.Remove("spec_version")), "$.spec_version", "required");
    }

    [Theory]
    [InlineData("2016-04-06 20:03:00Z")]
    [InlineData("2016-04-06T20:03:00")]
    [InlineData("2016-04-06T20:03:00+01:00")]
    [InlineData("2016-13-06T20:03:00Z")]
    [InlineData("yesterday")]
    public void Malformed_timestamp_is_rejected(string timestamp)
    {
        ValidationAssert.HasError(ValidateChanged("campaign", o => o["created"] = timestamp), "$.created", "timestamp");
    }

    [Fact]
    public void Modified_before_created_is_rejected()
    {
        ValidationAssert.HasError(ValidateChanged("campaign", o => o["modified"] = "2016-04-06T20:02:59.999Z"), "$.modified", "created");
    }

    [Fact]
    public void Modified_equal_to_created_in_other_precision_is_accepted()
    {
        ValidationAssert.Valid(ValidateChanged("campaign", o => o["modified"] = "2016-04-06T20:03:00Z"));
    }

    [Theory]
    [InlineData("indicator", "pattern")]
    [InlineData("indicator", "valid_from")]
    [InlineData("indicator", "pattern_type")]
    [InlineData("malware", "is_family")]
    [InlineData("report", "published")]
    [InlineData("report", "object_refs")]
    [InlineData("relationship", "source_ref")]
    [InlineData("sighting", "sighting_of_ref")]
    [InlineData("opinion", "opinion")]
    [InlineData("note", "content")]
    [InlineData("grouping", "context")]
    [InlineData("observed-data", "number_observed")]
    [InlineData("identity", "name")]
    [InlineData("url", "value")]
    [InlineData("campaign", "created")]
    [InlineData("extension-definition", "created_by_ref")]
    public void Missing_required_property_is_rejected_with_its_path(string type, string property)
    {
        ValidationAssert.HasError(ValidateChanged(type, o => o.Remove(property)), "$." + property, "required");
    }

    [Fact]
    public void Unknown_property_without_x_prefix_is_rejected()
    {
        ValidationAssert.HasError(ValidateChanged("campaign", o => o["threat_level"] = "high"), "$.threat_level", "x_ prefix");
    }

    [Fact]
    public void Custom_property_with_x_prefix_is_accepted()
    {
        ValidationAssert.Valid(ValidateChanged("campaign", o => o["x_vigil_election"] = new JsonObject { ["cycle"] = 2026 }));
    }

    [Fact]
    public void Custom_property_name_with_capitals_is_rejected()
    {
        ValidationAssert.HasError(ValidateChanged("campaign", o => o["x_Vigil"] = 1), "$.x_Vigil", "lowercase");
    }

    [Fact]
    public void Toplevel_property_extension_allows_unprefixed_properties()
    {
        var result = ValidateChanged("campaign", o =>
        {
            o["extensions"] = new JsonObject
            {
                ["extension-definition--a932fcc6-e032-476c-826f-cb970a5a1ade"] = new JsonObject { ["extension_type"] = "toplevel-property-extension" },
            };
            o["election_cycle"] = "2026";
        });

        ValidationAssert.Valid(result);
    }

    [Fact]
    public void Null_value_is_rejected()
    {
        ValidationAssert.HasError(ValidateChanged("campaign", o => o["description"] = null), "$.description", "null");
    }

    [Fact]
    public void Wrong_property_type_is_rejected()
    {
        ValidationAssert.HasError(ValidateChanged("campaign", o => o["name"] = 5), "$.name", "string");
        ValidationAssert.HasError(ValidateChanged("malware", o => o["is_family"] = "false"), "$.is_family", "boolean");
        ValidationAssert.HasError(ValidateChanged("sighting", o => o["count"] = 1.5), "$.count", "integer");
        ValidationAssert.HasError(ValidateChanged("campaign", o => o["aliases"] = "one"), "$.aliases", "list");
        ValidationAssert.HasError(ValidateChanged("campaign", o => o["aliases"] = new JsonArray("a", 2)), "$.aliases[1]", "string");
    }

    [Fact]
    public void Open_vocabulary_value_outside_the_list_only_warns()
    {
        var result = ValidateChanged("indicator", o => o["indicator_types"] = new JsonArray("malicious-activity", "election-disinformation"));

        ValidationAssert.Valid(result);
        ValidationAssert.HasWarning(result, "$.indicator_types[1]", "indicator-type-ov");
    }

    [Fact]
    public void Closed_vocabulary_value_outside_the_list_is_rejected()
    {
        ValidationAssert.HasError(ValidateChanged("opinion", o => o["opinion"] = "meh"), "$.opinion", "opinion-enum");
        ValidationAssert.HasError(ValidateChanged("extension-definition", o => o["extension_types"] = new JsonArray("new-thing")),
            "$.extension_types[0]", "extension-type-enum");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Confidence_outside_0_to_100_is_rejected(int confidence)
    {
        ValidationAssert.HasError(ValidateChanged("campaign", o => o["confidence"] = confidence), "$.confidence", "0 and 100");
    }

    [Fact]
    public void Confidence_bounds_are_accepted()
    {
        ValidationAssert.Valid(ValidateChanged("campaign", o => o["confidence"] = 0));
        ValidationAssert.Valid(ValidateChanged("campaign", o => o["confidence"] = 100));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-US")]
    [InlineData("zh-Hant-TW")]
    [InlineData("x-private")]
    public void Well_formed_language_tags_are_accepted(string lang)
    {
        ValidationAssert.Valid(ValidateChanged("campaign", o => o["lang"] = lang));
    }

    [Theory]
    [InlineData("english language")]
    [InlineData("e")]
    [InlineData("en--US")]
    [InlineData("en_US")]
    public void Malformed_language_tags_are_rejected(string lang)
    {
        ValidationAssert.HasError(ValidateChanged("campaign", o => o["lang"] = lang), "$.lang", "RFC 5646");
    }

    [Fact]
    public void Created_by_ref_must_name_an_identity()
    {
        ValidationAssert.HasError(ValidateChanged("campaign", o => o["created_by_ref"] = "campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"),
            "$.created_by_ref", "identity");
        ValidationAssert.HasError(ValidateChanged("campaign", o => o["created_by_ref"] = "me"), "$.created_by_ref", "identifier");
    }

    [Fact]
    public void Refs_lists_must_hold_identifiers()
    {
        ValidationAssert.HasError(ValidateChanged("report", o => o["object_refs"] = new JsonArray("indicator--26ffb872-1dd9-446e-b6f5-d58527e5b5d2", "not-an-id")),
            "$.object_refs[1]", "identifier");
    }

    [Fact]
    public void Object_marking_refs_must_name_marking_definitions()
    {
        ValidationAssert.HasError(ValidateChanged("campaign", o => o["object_marking_refs"] = new JsonArray("identity--f431f809-377b-45e0-aa1c-6a4751cae5ff")),
            "$.object_marking_refs[0]", "marking-definition");
    }

    [Fact]
    public void External_reference_needs_source_name_and_a_detail()
    {
        var result = ValidateChanged("attack-pattern", o => o["external_references"] = new JsonArray(
            new JsonObject { ["url"] = "https://example.com" },
            new JsonObject { ["source_name"] = "capec" }));

        ValidationAssert.HasError(result, "$.external_references[0].source_name", "required");
        ValidationAssert.HasError(result, "$.external_references[1]", "description, url or external_id");
    }

    [Fact]
    public void External_reference_hash_of_wrong_length_is_rejected()
    {
        var result = ValidateChanged("attack-pattern", o => o["external_references"] = new JsonArray(
            new JsonObject { ["source_name"] = "x", ["url"] = "https://example.com", ["hashes"] = new JsonObject { ["SHA-256"] = "abc" } }));

        ValidationAssert.HasError(result, "$.external_references[0].hashes.SHA-256", "SHA-256");
    }

    [Fact]
    public void Kill_chain_phase_needs_both_names()
    {
        var result = ValidateChanged("attack-pattern", o => o["kill_chain_phases"] = new JsonArray(new JsonObject { ["kill_chain_name"] = "disarm" }));

        ValidationAssert.HasError(result, "$.kill_chain_phases[0].phase_name", "required");
    }

    [Fact]
    public void Indicator_with_invalid_stix_pattern_is_rejected_at_pattern()
    {
        var result = ValidateChanged("indicator", o => o["pattern"] = "[file:hashes.'SHA-256' = ");

        ValidationAssert.HasError(result, "$.pattern", "invalid STIX pattern");
    }

    [Fact]
    public void Indicator_pattern_check_can_be_replaced()
    {
        var options = new ValidatorOptions { PatternCheck = p => p.Contains("forbidden", StringComparison.Ordinal) ? new PatternProblem("nope", 3) : null };

        ValidationAssert.HasError(ValidateChanged("indicator", o => o["pattern"] = "[forbidden]", options), "$.pattern", "position 3: nope");
        ValidationAssert.Valid(ValidateChanged("indicator", o => o["pattern"] = "anything else", options));
    }

    [Fact]
    public void Indicator_pattern_of_other_type_is_not_parsed_as_stix()
    {
        ValidationAssert.Valid(ValidateChanged("indicator", o =>
        {
            o["pattern_type"] = "yara";
            o["pattern"] = "rule x { condition: true }";
        }));
    }

    [Fact]
    public void Indicator_valid_until_must_be_after_valid_from()
    {
        ValidationAssert.HasError(ValidateChanged("indicator", o => o["valid_until"] = "2016-01-01T00:00:00Z"), "$.valid_until", "later than");
    }

    [Fact]
    public void Relationship_endpoints_must_be_identifiers_of_sdos_or_scos()
    {
        ValidationAssert.HasError(ValidateChanged("relationship", o => o["source_ref"] = "indicator"), "$.source_ref", "identifier");
        ValidationAssert.HasError(ValidateChanged("relationship", o => o["target_ref"] = "relationship--57b56a43-b8b0-4cba-9deb-34e3e1faed9e"),
            "$.target_ref", "SDO or SCO");
    }

    [Fact]
    public void Relationship_type_not_defined_for_the_endpoints_warns()
    {
        var result = ValidateChanged("relationship", o => o["relationship_type"] = "amplifies");

        ValidationAssert.Valid(result);
        ValidationAssert.HasWarning(result, "$.relationship_type", "indicator to malware");
    }

    [Fact]
    public void Relationship_type_with_capitals_is_rejected()
    {
        ValidationAssert.HasError(ValidateChanged("relationship", o => o["relationship_type"] = "Indicates"), "$.relationship_type");
    }

    [Fact]
    public void Generic_relationship_types_need_no_warning()
    {
        var result = ValidateChanged("relationship", o => o["relationship_type"] = "related-to");

        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Sighting_refs_are_type_checked()
    {
        ValidationAssert.HasError(ValidateChanged("sighting", o => o["where_sighted_refs"] = new JsonArray("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")),
            "$.where_sighted_refs[0]", "identity or location");
        ValidationAssert.HasError(ValidateChanged("sighting", o => o["sighting_of_ref"] = "url--47c3cf9a-5027-5bf0-997a-017c7edc7c55"),
            "$.sighting_of_ref", "SDO");
        ValidationAssert.HasError(ValidateChanged("sighting", o => o["count"] = 1_000_000_000), "$.count");
    }

    [Fact]
    public void Observed_data_needs_exactly_one_of_objects_and_object_refs()
    {
        ValidationAssert.HasError(ValidateChanged("observed-data", o => o.Remove("object_refs")), "$.object_refs", "exactly one");
        ValidationAssert.HasError(ValidateChanged("observed-data", o => o["number_observed"] = 0), "$.number_observed");
        ValidationAssert.HasError(ValidateChanged("observed-data", o => o["last_observed"] = "2015-12-21T18:00:00Z"), "$.last_observed");
    }

    [Fact]
    public void Location_rules()
    {
        ValidationAssert.HasError(ValidateChanged("location", o => o["latitude"] = 91), "$.latitude");
        ValidationAssert.HasError(ValidateChanged("location", o => o.Remove("longitude")), "$.longitude", "together");
        ValidationAssert.HasError(ValidateChanged("location", o =>
        {
            o.Remove("latitude");
            o.Remove("longitude");
        }), "$.region", "region, country");
        ValidationAssert.Valid(ValidateChanged("location", o =>
        {
            o.Remove("latitude");
            o.Remove("longitude");
            o["country"] = "fr";
        }));
    }

    [Fact]
    public void Malware_family_needs_a_name()
    {
        ValidationAssert.HasError(ValidateChanged("malware", o =>
        {
            o.Remove("name");
            o["is_family"] = true;
        }), "$.name", "is_family");
    }

    [Fact]
    public void Campaign_last_seen_before_first_seen_is_rejected()
    {
        ValidationAssert.HasError(ValidateChanged("campaign", o =>
        {
            o["first_seen"] = "2016-04-06T20:03:00Z";
            o["last_seen"] = "2016-04-05T20:03:00Z";
        }), "$.last_seen", "first_seen");
    }

    [Theory]
    [InlineData("198.51.100.3/33")]
    [InlineData("198.51.100")]
    [InlineData("::1")]
    [InlineData("example.com")]
    public void Bad_ipv4_value_is_rejected(string value)
    {
        var obj = new JsonObject { ["type"] = "ipv4-addr", ["id"] = "ipv4-addr--ecb120bf-2694-4902-a737-62b74539a41b", ["value"] = value };

        ValidationAssert.HasError(StixValidator.Validate(obj, new ValidatorOptions { ScoIds = ScoIdCheck.Warn }), "$.value", "IPv4");
    }

    [Fact]
    public void Cidr_ipv4_value_is_accepted()
    {
        var obj = new JsonObject { ["type"] = "ipv4-addr", ["id"] = "ipv4-addr--ecb120bf-2694-4902-a737-62b74539a41b", ["value"] = "198.51.100.0/24" };

        ValidationAssert.Valid(StixValidator.Validate(obj, new ValidatorOptions { ScoIds = ScoIdCheck.Warn }));
    }

    [Fact]
    public void Relative_url_is_rejected()
    {
        var obj = new JsonObject { ["type"] = "url", ["id"] = "url--ecb120bf-2694-4902-a737-62b74539a41b", ["value"] = "/just/a/path" };

        ValidationAssert.HasError(StixValidator.Validate(obj, new ValidatorOptions { ScoIds = ScoIdCheck.Warn }), "$.value", "absolute URL");
    }

    [Fact]
    public void File_needs_hashes_or_name()
    {
        var obj = new JsonObject { ["type"] = "file", ["id"] = "file--ecb120bf-2694-4902-a737-62b74539a41b", ["size"] = 10 };

        ValidationAssert.HasError(StixValidator.Validate(obj), "$.hashes", "hashes or name");
    }

    [Fact]
    public void File_hash_must_match_its_algorithm()
    {
        var result = ValidateChanged("file", o => o["hashes"] = new JsonObject { ["MD5"] = "zz" }, new ValidatorOptions { ScoIds = ScoIdCheck.Warn });

        ValidationAssert.HasError(result, "$.hashes.MD5", "32 hexadecimal");
    }

    [Fact]
    public void Unknown_hash_algorithm_only_warns()
    {
        var result = ValidateChanged("file", o => ((JsonObject)o["hashes"]!)["PDQ"] = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22",
            new ValidatorOptions { ScoIds = ScoIdCheck.Warn });

        ValidationAssert.Valid(result);
        ValidationAssert.HasWarning(result, "$.hashes.PDQ", "hashing-algorithm-ov");
    }

    [Fact]
    public void Artifact_with_url_needs_hashes_and_not_payload()
    {
        ValidationAssert.HasError(ValidateChanged("artifact", o => o.Remove("hashes"), new ValidatorOptions { ScoIds = ScoIdCheck.Warn }),
            "$.hashes", "url");
        ValidationAssert.HasError(ValidateChanged("artifact", o => o["payload_bin"] = "aGVsbG8=", new ValidatorOptions { ScoIds = ScoIdCheck.Warn }),
            "$.url", "not both");
        ValidationAssert.HasError(ValidateChanged("artifact", o =>
        {
            o.Remove("url");
            o["payload_bin"] = "not base64!";
        }, new ValidatorOptions { ScoIds = ScoIdCheck.Warn }), "$.payload_bin", "base64");
    }

    [Fact]
    public void Unknown_extension_name_is_rejected_and_extension_definition_ids_are_kept()
    {
        ValidationAssert.HasError(ValidateChanged("campaign", o => o["extensions"] = new JsonObject { ["my-ext"] = new JsonObject() }),
            "$.extensions.my-ext", "extension-definition");
        ValidationAssert.Valid(ValidateChanged("campaign", o => o["extensions"] = new JsonObject
        {
            ["extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e"] = new JsonObject { ["extension_type"] = "property-extension", ["rank"] = 5 },
        }));
    }

    [Fact]
    public void Extension_type_outside_the_enum_is_rejected()
    {
        var result = ValidateChanged("campaign", o => o["extensions"] = new JsonObject
        {
            ["extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e"] = new JsonObject { ["extension_type"] = "property-plugin" },
        });

        ValidationAssert.HasError(result, "$.extensions.extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e.extension_type", "extension-type-enum");
    }

    [Fact]
    public void Custom_object_with_x_prefix_is_accepted_with_its_own_properties()
    {
        var obj = SpecExamples.Parse("""
            {"type":"x-vigil-ad","spec_version":"2.1","id":"x-vigil-ad--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e",
             "created":"2026-01-01T00:00:00.000Z","modified":"2026-01-01T00:00:00.000Z","advertiser":"Example PAC","spend_usd":1200}
            """);

        ValidationAssert.Valid(StixValidator.Validate(obj));
    }

    [Fact]
    public void New_sdo_by_extension_definition_is_accepted()
    {
        var obj = SpecExamples.Parse("""
            {"type":"my-favorite-sdo","spec_version":"2.1","id":"my-favorite-sdo--ac97aae4-83f1-46ca-a351-7aeb76678189",
             "created":"2014-02-20T09:16:08.989Z","modified":"2014-02-20T09:16:08.989Z","name":"This is the name of my favorite",
             "some_property_name1":"value1",
             "extensions":{"extension-definition--9c59fd79-4215-4ba2-920d-3e4f320e1e62":{"extension_type":"new-sdo"}}}
            """);

        ValidationAssert.Valid(StixValidator.Validate(obj));
    }

    [Fact]
    public void Custom_object_still_needs_a_matching_id()
    {
        var obj = new JsonObject { ["type"] = "x-thing", ["id"] = "campaign--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e", ["spec_version"] = "2.1" };

        ValidationAssert.HasError(StixValidator.Validate(obj), "$.id", "x-thing");
    }

    [Fact]
    public void Long_string_beyond_the_limit_is_rejected_with_a_short_message()
    {
        var result = ValidateChanged("campaign", o => o["description"] = new string('a', 2000), new ValidatorOptions { MaxStringLength = 1000 });

        var error = ValidationAssert.HasError(result, "$.description", "limit is 1000");
        Assert.True(error.Message.Length < 200);
    }

    [Fact]
    public void Paths_are_prefixed_with_the_base_path()
    {
        var obj = Example("indicator");
        obj.Remove("valid_from");

        ValidationAssert.HasError(StixValidator.Validate(obj, "$.objects[3]"), "$.objects[3].valid_from", "required");
    }

    [Fact]
    public void Created_by_ref_of_another_organization_is_rejected_when_the_poster_is_known()
    {
        var options = new ValidatorOptions { AllowedCreatedByRefs = new HashSet<string> { "identity--a463ffb3-1bd9-4d94-b02d-74e4f1658283" } };

        ValidationAssert.HasError(StixValidator.Validate(Example("campaign"), options), "$.created_by_ref", "posting organization");
        ValidationAssert.Valid(StixValidator.Validate(Example("report"), options));
        ValidationAssert.Valid(StixValidator.Validate(Example("url"), options));
    }

    [Fact]
    public void Number_too_big_for_a_double_is_an_error_not_an_exception()
    {
        var campaign = SpecExamples.Parse(SpecExamples.All["campaign"].Replace("\"name\"", "\"confidence\":1e400,\"name\"", StringComparison.Ordinal));
        ValidationAssert.HasError(StixValidator.Validate(campaign), "$.confidence", "integer");

        var system = SpecExamples.Parse("""{"type":"autonomous-system","spec_version":"2.1","id":"autonomous-system--3aa27478-50b5-5ab8-9da9-cdc12b657fff","number":1e400}""");
        var result = StixValidator.Validate(system);
        ValidationAssert.HasError(result, "$.number", "integer");
        ValidationAssert.HasError(result, "$.id", "cannot be computed");
    }

    [Fact]
    public void Object_whose_members_cannot_be_read_gives_an_error_not_an_exception()
    {
        // JsonNode.Parse keeps duplicate keys and throws only when the object is read; StixJson refuses them up front.
        var obj = JsonNode.Parse("""{"type":"campaign","type":"indicator","id":"campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"}""")!.AsObject();

        var result = StixValidator.Validate(obj);
        var envelope = StixValidator.ValidateEnvelope(new JsonObject { ["objects"] = new JsonArray(obj) });

        ValidationAssert.HasError(result, "$", "cannot be read");
        Assert.False(envelope.IsValid);
    }

    [Fact]
    public void Empty_required_list_is_rejected_and_empty_optional_list_warns()
    {
        ValidationAssert.HasError(ValidateChanged("report", o => o["object_refs"] = new JsonArray()), "$.object_refs", "at least one");
        var optional = ValidateChanged("campaign", o => o["aliases"] = new JsonArray());
        ValidationAssert.Valid(optional);
        ValidationAssert.HasWarning(optional, "$.aliases", "omitted");
    }

    [Fact]
    public void Uppercase_uuid_is_accepted_with_a_warning()
    {
        var result = ValidateChanged("campaign", o => o["id"] = "campaign--8E2E2D2B-17D4-4CBF-938F-98EE46B3CD3F");

        ValidationAssert.Valid(result);
        ValidationAssert.HasWarning(result, "$.id", "lowercase");
    }
}
