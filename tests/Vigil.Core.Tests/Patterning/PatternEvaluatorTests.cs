using System.Text.Json.Nodes;
using Vigil.Core.Patterning;
using Vigil.Core.Patterning.Evaluation;

namespace Vigil.Core.Tests.Patterning;

public sealed class PatternEvaluatorTests
{
    private static bool Matches(string pattern, JsonObject sco) => PatternEvaluator.Matches(StixPattern(pattern), sco);

    private static StixPattern StixPattern(string text) => StixPatternParser.Parse(text);

    [Theory]
    [InlineData("[file:size = 10]", true)]
    [InlineData("[file:size = 10.0]", true)]
    [InlineData("[file:size != 10]", false)]
    [InlineData("[file:size NOT = 10]", false)]
    [InlineData("[file:size NOT != 10]", true)]
    [InlineData("[file:size > 9]", true)]
    [InlineData("[file:size > 10]", false)]
    [InlineData("[file:size >= 10]", true)]
    [InlineData("[file:size < 10.5]", true)]
    [InlineData("[file:size <= 9]", false)]
    [InlineData("[file:size NOT < 5]", true)]
    [InlineData("[file:size IN (1, 10, 100)]", true)]
    [InlineData("[file:size IN (1, 100)]", false)]
    [InlineData("[file:size NOT IN (1, 100)]", true)]
    [InlineData("[file:size = '10']", false)]
    [InlineData("[file:size != '10']", true)]
    [InlineData("[file:name = 'Report.PDF']", true)]
    [InlineData("[file:name = 'report.pdf']", false)]
    [InlineData("[file:name > 'Report.A']", true)]
    [InlineData("[file:name LIKE 'Rep%.P_F']", true)]
    [InlineData("[file:name LIKE 'rep%']", false)]
    [InlineData("[file:name NOT LIKE 'rep%']", true)]
    [InlineData("[file:name LIKE '%']", true)]
    [InlineData("[file:name LIKE 'Report.PD']", false)]
    [InlineData("[file:name MATCHES '^Rep.+\\\\.PDF$']", true)]
    [InlineData("[file:name MATCHES 'port']", true)]
    [InlineData("[file:name MATCHES '^port']", false)]
    [InlineData("[file:name NOT MATCHES '^port']", true)]
    [InlineData("[file:x_flag = true]", true)]
    [InlineData("[file:x_flag = false]", false)]
    [InlineData("[file:x_flag != false]", true)]
    [InlineData("[file:missing = 'x']", false)]
    [InlineData("[file:missing != 'x']", false)]
    [InlineData("[file:missing NOT = 'x']", false)]
    [InlineData("[EXISTS file:name]", true)]
    [InlineData("[EXISTS file:missing]", false)]
    [InlineData("[file:created = t'2024-11-05T12:00:00Z']", true)]
    [InlineData("[file:created > t'2024-11-05T11:59:59.999Z']", true)]
    [InlineData("[file:created < t'2024-11-05T12:00:00Z']", false)]
    [InlineData("[file:magic_number_hex = h'ffd8']", true)]
    [InlineData("[file:magic_number_hex = h'ffd9']", false)]
    [InlineData("[file:magic_number_hex = b'/9g=']", true)]
    [InlineData("[file:magic_number_hex = '\u00ff\u00d8']", true)]
    [InlineData("[file:magic_number_hex > h'ff']", true)]
    [InlineData("[file:name = 'a' OR file:size = 10]", true)]
    [InlineData("[file:name = 'a' AND file:size = 10]", false)]
    [InlineData("[(file:name = 'a' OR file:size = 10) AND file:x_flag = true]", true)]
    [InlineData("[url:value = 'x']", false)]
    public void Comparison_truth_table(string pattern, bool expected)
    {
        var file = Sco.Json("""{"type":"file","name":"Report.PDF","size":10,"x_flag":true,"created":"2024-11-05T12:00:00.000Z","magic_number_hex":"FFD8"}""");

        Assert.Equal(expected, Matches(pattern, file));
    }

    [Theory]
    [InlineData("[x-list:tags[*] = 'b']", true)]
    [InlineData("[x-list:tags[*] = 'z']", false)]
    [InlineData("[x-list:tags[0] = 'a']", true)]
    [InlineData("[x-list:tags[1] = 'a']", false)]
    [InlineData("[x-list:tags[-1] = 'c']", true)]
    [InlineData("[x-list:tags[9] = 'a']", false)]
    [InlineData("[x-list:tags = 'a']", false)]
    [InlineData("[x-list:items[*].n > 2]", true)]
    [InlineData("[x-list:items[*].n > 5]", false)]
    [InlineData("[x-list:items[1].n = 3]", true)]
    [InlineData("[x-list:items[*].n NOT = 1]", true)]
    [InlineData("[EXISTS x-list:items[*].n]", true)]
    [InlineData("[x-list:nested.deep.value = 'ok']", true)]
    public void List_indexes_and_nested_properties(string pattern, bool expected)
    {
        var sco = Sco.Json("""{"type":"x-list","tags":["a","b","c"],"items":[{"n":1},{"n":3}],"nested":{"deep":{"value":"ok"}}}""");

        Assert.Equal(expected, Matches(pattern, sco));
    }

    [Theory]
    [InlineData("[ipv4-addr:value = '198.51.100.7']", true)]
    [InlineData("[ipv4-addr:value = '198.51.100.7/32']", true)]
    [InlineData("[ipv4-addr:value = '198.51.100.8']", false)]
    [InlineData("[ipv4-addr:value ISSUBSET '198.51.100.0/24']", true)]
    [InlineData("[ipv4-addr:value ISSUBSET '198.51.101.0/24']", false)]
    [InlineData("[ipv4-addr:value ISSUBSET '0.0.0.0/0']", true)]
    [InlineData("[ipv4-addr:value NOT ISSUBSET '10.0.0.0/8']", true)]
    [InlineData("[ipv4-addr:value ISSUPERSET '198.51.100.7']", true)]
    [InlineData("[ipv4-addr:value ISSUPERSET '198.51.100.0/24']", false)]
    [InlineData("[ipv4-addr:value ISSUBSET '2001:db8::/32']", false)]
    public void Ipv4_values_compare_as_address_blocks(string pattern, bool expected)
    {
        Assert.Equal(expected, Matches(pattern, Sco.Ipv4("198.51.100.7")));
    }

    [Theory]
    [InlineData("[ipv4-addr:value ISSUBSET '198.51.0.0/16']", true)]
    [InlineData("[ipv4-addr:value ISSUBSET '198.51.100.0/25']", false)]
    [InlineData("[ipv4-addr:value ISSUPERSET '198.51.100.200/32']", true)]
    [InlineData("[ipv4-addr:value = '198.51.100.99/24']", true)]
    public void A_cidr_block_observed_value_is_a_set_of_addresses(string pattern, bool expected)
    {
        Assert.Equal(expected, Matches(pattern, Sco.Ipv4("198.51.100.0/24")));
    }

    [Fact]
    public void Ipv6_subset_follows_the_prefix()
    {
        var sco = Sco.Json("""{"type":"ipv6-addr","value":"2001:0DB8:dead:beef::1"}""");

        Assert.True(Matches("[ipv6-addr:value ISSUBSET '2001:0db8:dead:beef:0000:0000:0000:0000/64']", sco));
        Assert.False(Matches("[ipv6-addr:value ISSUBSET '2001:0db8:dead:bef0::/64']", sco));
        Assert.True(Matches("[ipv6-addr:value = '2001:db8:dead:beef:0:0:0:1']", sco));
    }

    [Fact]
    public void Hash_keys_and_values_ignore_case_other_strings_do_not()
    {
        var file = Sco.File(sha256: "AEC070645FE53EE3B3763059376134F058CC337247C978ADD178B6CCDFB0019F", name: "Invoice.exe");

        Assert.True(Matches("[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']", file));
        Assert.True(Matches("[file:hashes.'sha-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']", file));
        Assert.False(Matches("[file:name = 'invoice.exe']", file));
    }

    [Fact]
    public void Same_type_comparisons_joined_by_AND_must_hold_for_one_object()
    {
        var observation = Sco.At(0, Sco.File(name: "a.exe", size: 1), Sco.File(name: "b.exe", size: 2));

        Assert.False(PatternEvaluator.Matches(StixPattern("[file:name = 'a.exe' AND file:size = 2]"), observation));
        Assert.True(PatternEvaluator.Matches(StixPattern("[file:name = 'a.exe' AND file:size = 1]"), observation));
        Assert.True(PatternEvaluator.Matches(StixPattern("[file:name = 'a.exe' OR file:size = 2]"), observation));
    }

    [Fact]
    public void Different_type_comparisons_joined_by_AND_may_hold_for_different_objects_of_one_observation()
    {
        var pattern = StixPattern("[domain-name:value = 'evil.example' AND url:value = 'http://evil.example/login']");

        Assert.True(PatternEvaluator.Matches(pattern, Sco.At(0, Sco.Domain("evil.example"), Sco.Url("http://evil.example/login"))));
        Assert.False(PatternEvaluator.Matches(pattern, [Sco.At(0, Sco.Domain("evil.example")), Sco.At(1, Sco.Url("http://evil.example/login"))]));
    }

    [Fact]
    public void Mixed_type_groups_bind_each_type_to_one_object()
    {
        var pattern = StixPattern("[(file:name = 'a' OR ipv4-addr:value = '10.0.0.1') AND file:size = 2]");

        Assert.True(PatternEvaluator.Matches(pattern, Sco.At(0, Sco.File(name: "x", size: 2), Sco.Ipv4("10.0.0.1"))));
        Assert.False(PatternEvaluator.Matches(pattern, Sco.At(0, Sco.File(name: "a", size: 1), Sco.File(name: "b", size: 2))));
        Assert.True(PatternEvaluator.Matches(pattern, Sco.At(0, Sco.File(name: "a", size: 2))));
    }

    [Fact]
    public void References_are_followed_within_the_observation()
    {
        var ip = Sco.Ipv4("198.51.100.1", "ipv4-addr--11111111-1111-4111-8111-111111111111");
        var domain = Sco.Json("""{"type":"domain-name","value":"www.5z8.info","resolves_to_refs":["ipv4-addr--11111111-1111-4111-8111-111111111111"]}""");
        var pattern = StixPattern("[domain-name:value = 'www.5z8.info' AND domain-name:resolves_to_refs[*].value = '198.51.100.1/32']");

        Assert.True(PatternEvaluator.Matches(pattern, Sco.At(0, domain, ip)));
        Assert.False(PatternEvaluator.Matches(pattern, Sco.At(0, domain)));
        Assert.True(PatternEvaluator.Matches(StixPattern("[domain-name:resolves_to_refs[0] = 'ipv4-addr--11111111-1111-4111-8111-111111111111']"), Sco.At(0, domain)));
    }

    [Fact]
    public void Single_references_are_followed_and_typed_by_their_target()
    {
        var traffic = Sco.Json("""{"type":"network-traffic","dst_ref":"ipv4-addr--22222222-2222-4222-8222-222222222222"}""");
        var ip = Sco.Ipv4("203.0.113.33", "ipv4-addr--22222222-2222-4222-8222-222222222222");
        var pattern = StixPattern("[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '203.0.113.33/32']");

        Assert.True(PatternEvaluator.Matches(pattern, Sco.At(0, traffic, ip)));
    }

    [Fact]
    public void Stix_2_0_observed_data_references_use_object_keys()
    {
        var observedData = Sco.Json("""
            {"type":"observed-data","first_observed":"2024-11-05T12:00:00Z","last_observed":"2024-11-05T12:05:00Z","number_observed":1,
             "objects":{"0":{"type":"email-addr","value":"jdoe@example.com"},"1":{"type":"email-message","sender_ref":"0","subject":"Conference Info"}}}
            """);
        var observation = ObservationInput.FromObservedData(observedData);

        Assert.True(PatternEvaluator.Matches(StixPattern("[email-message:sender_ref.value = 'jdoe@example.com' AND email-message:subject = 'Conference Info']"), observation));
    }

    [Fact]
    public void Stix_2_1_observed_data_references_objects_of_the_bundle()
    {
        var url = Sco.Url("http://evil.example/");
        var observedData = Sco.Json($$"""
            {"type":"observed-data","first_observed":"2024-11-05T12:00:00Z","last_observed":"2024-11-05T12:00:00Z","number_observed":3,
             "object_refs":["{{url["id"]}}"]}
            """);
        var observation = ObservationInput.FromObservedData(observedData, new Dictionary<string, JsonObject> { [(string)url["id"]!] = url });

        Assert.Equal(3, observation.NumberObserved);
        Assert.True(PatternEvaluator.Matches(StixPattern("[url:value = 'http://evil.example/'] REPEATS 3 TIMES"), observation));
        Assert.False(PatternEvaluator.Matches(StixPattern("[url:value = 'http://evil.example/'] REPEATS 4 TIMES"), observation));
    }

    [Fact]
    public void Binary_property_matches_a_regex_byte_for_byte()
    {
        var artifact = Sco.Json("""{"type":"artifact","mime_type":"application/vnd.tcpdump.pcap","payload_bin":"1MOyoQIABAA="}""");

        Assert.True(Matches(@"[artifact:mime_type = 'application/vnd.tcpdump.pcap' AND artifact:payload_bin MATCHES '\\xd4\\xc3\\xb2\\xa1\\x02\\x00\\x04\\x00']", artifact));
    }

    [Fact]
    public void Malformed_binary_property_matches_nothing()
    {
        var file = Sco.Json("""{"type":"file","magic_number_hex":"not hex"}""");

        Assert.False(Matches("[file:magic_number_hex = 'not hex']", file));
        Assert.True(Matches("[EXISTS file:magic_number_hex]", file));
    }

    [Fact]
    public void A_catastrophic_regex_does_not_stall_matching()
    {
        var sco = Sco.Json($$"""{"type":"x-text","value":"{{new string('a', 5000)}}!"}""");
        var pattern = StixPattern(@"[x-text:value MATCHES '^(a+)+$' OR x-text:value MATCHES '^(\\w+\\s?)*\\1$']");

        Assert.False(PatternEvaluator.Matches(pattern, sco));
    }

    [Fact]
    public void Non_object_values_and_wrong_shapes_never_throw()
    {
        var sco = Sco.Json("""{"type":"x-odd","a":null,"b":[1,[2]],"c":{"d":[]},"value":"x"}""");

        foreach (var text in new[] { "[x-odd:a = 1]", "[x-odd:b[*] = 2]", "[x-odd:b[1][0] = 2]", "[x-odd:c.d[*].e = 1]", "[x-odd:value.x = 1]", "[x-odd:c = 'x']" })
        {
            var pattern = StixPattern(text);
            var exception = Record.Exception(() => PatternEvaluator.Matches(pattern, sco));
            Assert.Null(exception);
        }

        Assert.True(Matches("[x-odd:b[1][0] = 2]", sco));
    }
}
