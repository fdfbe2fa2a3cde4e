using System.Text.Json.Nodes;
using Vigil.Core.Stix.Ids;

namespace Vigil.Core.Tests.Stix;

public sealed class ScoIdTests
{
    [Fact]
    public void File_with_pe_extension_gets_the_reference_implementation_id()
    {
        // Published test vector of the OASIS python-stix2 library: hashes, name and a nested extension with a float.
        var file = SpecExamples.Parse(SpecExamples.All["file"]);

        Assert.Equal("file--ced31cd4-bdcb-537d-aefa-92d291bfc11d", ScoIds.Compute("file", file));
    }

    [Fact]
    public void Registry_key_values_list_gets_the_reference_implementation_id()
    {
        var key = SpecExamples.Parse("""
            {"type":"windows-registry-key","values":[{"name":"Foo","data":"qwerty"},{"name":"Bar","data":"42"}]}
            """);

        Assert.Equal("windows-registry-key--36594eba-bcc7-5014-9835-0e154264e588", ScoIds.Compute("windows-registry-key", key));
    }

    [Theory]
    [InlineData("url", "https://example.com/research/index.html", "url--47c3cf9a-5027-5bf0-997a-017c7edc7c55")]
    [InlineData("domain-name", "example.com", "domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7")]
    [InlineData("ipv4-addr", "198.51.100.3", "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4")]
    [InlineData("ipv6-addr", "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "ipv6-addr--85a85a8c-ee99-5722-946d-3c3a3270fc6f")]
    [InlineData("email-addr", "john@example.com", "email-addr--7165e2a9-671f-585d-b1e1-ca59c671d934")]
    [InlineData("domain-name", "bücher.example", "domain-name--dbf3aff2-b3cd-57d2-9616-0ddfde9d01ad")]
    public void Value_observables_get_uuid5_of_canonical_value(string type, string value, string expected)
    {
        Assert.Equal(expected, ScoIds.Compute(type, new JsonObject { ["type"] = type, ["value"] = value, ["display_name"] = "ignored" }));
    }

    [Fact]
    public void User_account_id_comes_from_type_id_and_login_only()
    {
        var account = new JsonObject
        {
            ["account_type"] = "unix", ["user_id"] = "1001", ["account_login"] = "jdoe", ["display_name"] = "John Doe",
        };

        Assert.Equal("user-account--f94d689e-707d-58c3-b803-c720bb6ed096", ScoIds.Compute("user-account", account));
    }

    [Fact]
    public void Md5_is_preferred_over_other_hashes()
    {
        var withBoth = new JsonObject
        {
            ["hashes"] = new JsonObject
            {
                ["SHA-256"] = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                ["MD5"] = "d41d8cd98f00b204e9800998ecf8427e",
            },
            ["name"] = "a.txt",
        };
        var md5Only = new JsonObject { ["hashes"] = new JsonObject { ["MD5"] = "d41d8cd98f00b204e9800998ecf8427e" }, ["name"] = "a.txt" };

        Assert.Equal("file--bc634452-d224-5dfb-b05e-ca8ec77c3ab2", ScoIds.Compute("file", withBoth));
        Assert.Equal(ScoIds.Compute("file", md5Only), ScoIds.Compute("file", withBoth));
    }

    [Fact]
    public void Integer_contributing_property_is_canonical()
    {
        Assert.Equal("autonomous-system--3aa27478-50b5-5ab8-9da9-cdc12b657fff",
            ScoIds.Compute("autonomous-system", new JsonObject { ["number"] = 15139 }));
    }

    [Fact]
    public void No_contributing_property_means_no_deterministic_id()
    {
        Assert.Null(ScoIds.Compute("user-account", new JsonObject { ["display_name"] = "x" }));
        Assert.Null(ScoIds.Compute("process", new JsonObject { ["pid"] = 4 }));
        Assert.Null(ScoIds.Compute("indicator", new JsonObject { ["name"] = "not an sco" }));
    }

    [Fact]
    public void Uuid5_matches_rfc4122_dns_namespace_vector()
    {
        // uuid5(NAMESPACE_DNS, "python.org") from the Python documentation.
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), Uuid5.Create(dns, "python.org"));
    }

    [Fact]
    public void Property_order_does_not_change_the_id()
    {
        var a = new JsonObject { ["account_login"] = "jdoe", ["user_id"] = "1001", ["account_type"] = "unix" };
        var b = new JsonObject { ["account_type"] = "unix", ["account_login"] = "jdoe", ["user_id"] = "1001" };

        Assert.Equal(ScoIds.Compute("user-account", a), ScoIds.Compute("user-account", b));
    }
}
