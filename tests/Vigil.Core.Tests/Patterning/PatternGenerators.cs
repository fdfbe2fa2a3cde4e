using System.Text.Json.Nodes;
using CsCheck;
using Vigil.Core.Patterning.Evaluation;

namespace Vigil.Core.Tests.Patterning;

/// <summary>
/// Random patterns and observations over a small vocabulary, so that the values in patterns and observations
/// collide often (including values equal only after case folding, CIDR canonicalization or number widening).
/// </summary>
internal static class PatternGenerators
{
    private static readonly string[] Urls = ["http://a.example/x", "HTTP://A.EXAMPLE/X", "http://b.example/y", "http://c.example/"];
    private static readonly string[] Domains = ["a.example", "A.Example", "b.example", "198.51.100.1"];
    private static readonly string[] Addresses = ["198.51.100.1", "198.51.100.1/32", "198.51.100.0/24", "203.0.113.5", "2001:db8::1"];
    private static readonly string[] Hashes = ["aa11", "AA11", "bb22", "cc33"];
    private static readonly string[] Logins = ["alice", "Alice", "bob"];
    private static readonly string[] Hex = ["ffd8", "FFD8", "0000", "zz"];

    public static readonly Gen<string> Atom = Gen.OneOf<string>(
        Equality("url:value", Gen.OneOf(Urls).Select(Quote)),
        Equality("domain-name:value", Gen.OneOf(Domains).Select(Quote)),
        Equality("ipv4-addr:value", Gen.OneOf(Addresses).Select(Quote)),
        Equality("file:hashes.'SHA-256'", Gen.OneOf(Hashes).Select(Quote)),
        Equality("file:hashes.MD5", Gen.OneOf(Hashes).Select(Quote)),
        Equality("file:size", Gen.OneOf("1", "2", "2.0", "'2'", "2.5")),
        Equality("file:magic_number_hex", Gen.OneOf("h'ffd8'", "b'/9g='", "'\u00ff\u00d8'", "h'0000'")),
        Equality("user-account:account_login", Gen.OneOf(Logins).Select(Quote)),
        Equality("user-account:is_privileged", Gen.OneOf("true", "false")),
        Equality("domain-name:resolves_to_refs[*].value", Gen.OneOf(Addresses).Select(Quote)),
        Equality("network-traffic:dst_ref.value", Gen.OneOf(Addresses.Concat(Domains).ToArray()).Select(Quote)),
        Gen.OneOf(Urls).Array[1, 3].Select(v => $"url:value IN ({string.Join(", ", v.Select(Quote))})"),
        Gen.OneOf(Logins).Select(v => $"user-account:account_login != {Quote(v)}"),
        Gen.OneOf(Domains).Select(v => $"domain-name:value NOT = {Quote(v)}"),
        Gen.OneOf("'a.%'", "'%example'", "'_.example'").Select(v => $"domain-name:value LIKE {v}"),
        Gen.OneOf("'^http://a'", "'y$'").Select(v => $"url:value MATCHES {v}"),
        Gen.OneOf("'http://a%'", "'HTTP://%'", "'http://b.example/y'", "'http://c.example/_'").Select(v => $"url:value LIKE {v}"),
        Gen.OneOf("'198.51.100.0/24'", "'0.0.0.0/0'", "'198.51.100.0/25'", "'198.51.0.0/16'", "'2001:db8::/32'", "'203.0.113.5'").Select(v => $"ipv4-addr:value ISSUBSET {v}"),
        Gen.OneOf("'198.51.100.0/24'", "'203.0.113.0/24'").Select(v => $"network-traffic:dst_ref.value ISSUBSET {v}"),
        Gen.OneOf("1", "2").Select(v => $"file:size > {v}"),
        Gen.OneOf("EXISTS file:name", "EXISTS user-account:is_privileged"));

    public static readonly Gen<string> Comparison = ComparisonOf(2);

    public static readonly Gen<string> Pattern = ObservationOf(2);

    public static readonly Gen<ObservationInput> Observation =
        from objects in ObjectSet
        from start in Gen.Int[0, 600]
        from length in Gen.Int[0, 120]
        from count in Gen.Frequency<int>((6, Gen.Const(1)), (1, Gen.Int[2, 3]))
        select new ObservationInput
        {
            Objects = objects,
            FirstObserved = Sco.T0.AddSeconds(start),
            LastObserved = Sco.T0.AddSeconds(start + length),
            NumberObserved = count,
        };

    private static Gen<JsonObject[]> ObjectSet =>
        from kinds in Gen.Int[0, 6].Array[1, 3]
        from values in Gen.Int[0, 100].Array[6]
        from withIp in Gen.Bool
        select Build(kinds, values, withIp);

    private static Gen<string> Equality(string path, Gen<string> literal) => literal.Select(v => $"{path} = {v}");

    private static Gen<string> ComparisonOf(int depth) => depth == 0
        ? Atom
        : Gen.Frequency<string>(
            (3, Atom),
            (1, Gen.Select(ComparisonOf(depth - 1), ComparisonOf(depth - 1), Gen.OneOf("AND", "OR"), (a, b, op) => $"({a} {op} {b})")));

    private static Gen<string> ObservationOf(int depth)
    {
        var leaf = from c in Comparison
                   from qualifier in Gen.Frequency<string>((8, Gen.Const(string.Empty)), (1, Gen.OneOf(" WITHIN 60 SECONDS", " REPEATS 2 TIMES", " START t'2024-11-05T12:00:00Z' STOP t'2024-11-05T12:05:00Z'")))
                   select $"[{c}]{qualifier}";
        if (depth == 0)
        {
            return leaf;
        }

        return Gen.Frequency<string>(
            (4, leaf),
            (1, from a in ObservationOf(depth - 1)
                from b in ObservationOf(depth - 1)
                from op in Gen.OneOf("AND", "OR", "FOLLOWEDBY")
                from qualifier in Gen.Frequency<string>((3, Gen.Const(string.Empty)), (1, Gen.OneOf(" WITHIN 300 SECONDS", " REPEATS 2 TIMES")))
                select $"({a} {op} {b}){qualifier}"));
    }

    private static JsonObject[] Build(int[] kinds, int[] v, bool withIp)
    {
        var objects = new List<JsonObject>();
        var ipId = "ipv4-addr--" + Guid.NewGuid();
        foreach (var kind in kinds)
        {
            switch (kind)
            {
                case 0:
                    objects.Add(Sco.Url(Urls[v[0] % Urls.Length]));
                    break;
                case 1:
                    var domain = Sco.Domain(Domains[v[1] % Domains.Length]);
                    if (withIp)
                    {
                        domain["resolves_to_refs"] = new JsonArray(ipId);
                    }

                    objects.Add(domain);
                    break;
                case 2:
                    var file = Sco.File(sha256: Hashes[v[2] % Hashes.Length], md5: Hashes[v[3] % Hashes.Length], size: v[4] % 3);
                    file["magic_number_hex"] = Hex[v[5] % Hex.Length];
                    if (v[4] % 2 == 0)
                    {
                        file["name"] = "x.exe";
                    }

                    objects.Add(file);
                    break;
                case 3:
                    var account = Sco.Account(Logins[v[0] % Logins.Length]);
                    account["is_privileged"] = v[1] % 2 == 0;
                    objects.Add(account);
                    break;
                case 4:
                    objects.Add(Sco.Json($$"""{"type":"network-traffic","dst_ref":"{{ipId}}"}"""));
                    break;
                default:
                    objects.Add(Sco.Ipv4(Addresses[v[2] % Addresses.Length]));
                    break;
            }
        }

        if (withIp)
        {
            objects.Add(Sco.Ipv4(Addresses[v[3] % 4], ipId));
        }

        return [.. objects];
    }

    private static string Quote(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
