using System.Text.Json.Nodes;
using Vigil.Core.Patterning.Evaluation;

namespace Vigil.Core.Tests.Patterning;

/// <summary>Builds observables and observations for the tests.</summary>
internal static class Sco
{
    public static readonly DateTimeOffset T0 = new(2024, 11, 5, 12, 0, 0, TimeSpan.Zero);

    public static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();

    public static JsonObject Url(string value) => new() { ["type"] = "url", ["id"] = "url--" + Guid.NewGuid(), ["value"] = value };

    public static JsonObject Domain(string value) => new() { ["type"] = "domain-name", ["id"] = "domain-name--" + Guid.NewGuid(), ["value"] = value };

    public static JsonObject Ipv4(string value, string? id = null) =>
        new() { ["type"] = "ipv4-addr", ["id"] = id ?? "ipv4-addr--" + Guid.NewGuid(), ["value"] = value };

    public static JsonObject Account(string login, string? platform = null) =>
        new() { ["type"] = "user-account", ["id"] = "user-account--" + Guid.NewGuid(), ["account_login"] = login, ["account_type"] = platform ?? "twitter" };

    public static JsonObject File(string? sha256 = null, string? md5 = null, string? name = null, long? size = null)
    {
        var hashes = new JsonObject();
        if (sha256 is not null)
        {
            hashes["SHA-256"] = sha256;
        }

        if (md5 is not null)
        {
            hashes["MD5"] = md5;
        }

        var file = new JsonObject { ["type"] = "file", ["id"] = "file--" + Guid.NewGuid(), ["hashes"] = hashes };
        if (name is not null)
        {
            file["name"] = name;
        }

        if (size is not null)
        {
            file["size"] = size.Value;
        }

        return file;
    }

    public static ObservationInput At(int secondsAfterT0, params JsonObject[] objects) => Span(secondsAfterT0, secondsAfterT0, objects);

    public static ObservationInput Span(int firstSeconds, int lastSeconds, params JsonObject[] objects) => new()
    {
        Objects = objects,
        FirstObserved = T0.AddSeconds(firstSeconds),
        LastObserved = T0.AddSeconds(lastSeconds),
    };
}
