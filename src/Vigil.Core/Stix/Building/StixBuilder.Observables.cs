using System.Text.Json.Nodes;

namespace Vigil.Core.Stix.Building;

/// <summary>Cyber-observable objects (SCOs): deterministic UUIDv5 ids from their ID-contributing properties.</summary>
public sealed partial class StixBuilder
{
    public JsonObject Url(string value) => Observable("url", new JsonObject { ["value"] = value });

    public JsonObject DomainName(string value) => Observable("domain-name", new JsonObject { ["value"] = value });

    public JsonObject Ipv4Address(string value) => Observable("ipv4-addr", new JsonObject { ["value"] = value });

    public JsonObject Ipv6Address(string value) => Observable("ipv6-addr", new JsonObject { ["value"] = value });

    public JsonObject EmailAddress(string value, string? displayName = null)
    {
        var p = new JsonObject { ["value"] = value };
        Set(p, "display_name", displayName);
        return Observable("email-addr", p);
    }

    /// <summary>
    /// An account on a platform: <paramref name="platform"/> becomes <c>account_type</c> (account-type-ov, e.g.
    /// "twitter", "facebook"; other platforms are allowed), <paramref name="userId"/> the platform's stable id and
    /// <paramref name="handle"/> the login or handle.
    /// </summary>
    public JsonObject UserAccount(string platform, string? userId, string? handle, string? displayName = null)
    {
        if (userId is null && handle is null)
        {
            throw new ArgumentException("A user account needs a user id or a handle.");
        }

        var p = new JsonObject { ["account_type"] = platform };
        Set(p, "user_id", userId);
        Set(p, "account_login", handle);
        Set(p, "display_name", displayName);
        return Observable("user-account", p);
    }

    /// <summary>A file known by its hashes (algorithm names from hashing-algorithm-ov, e.g. "SHA-256") and/or name.</summary>
    public JsonObject File(IReadOnlyDictionary<string, string>? hashes, string? name = null, long? size = null, string? mimeType = null)
    {
        if ((hashes is null || hashes.Count == 0) && name is null)
        {
            throw new ArgumentException("A file needs hashes or a name.");
        }

        var p = new JsonObject();
        SetHashes(p, hashes);
        Set(p, "name", name);
        if (size is { } s)
        {
            p["size"] = s;
        }

        Set(p, "mime_type", mimeType);
        return Observable("file", p);
    }

    /// <summary>An artifact carrying its bytes (base64 in <c>payload_bin</c>) with their SHA-256.</summary>
    public JsonObject Artifact(ReadOnlySpan<byte> payload, string? mimeType = null)
    {
        var p = new JsonObject();
        Set(p, "mime_type", mimeType);
        p["payload_bin"] = Convert.ToBase64String(payload);
        p["hashes"] = new JsonObject { ["SHA-256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(payload)) };
        return Observable("artifact", p);
    }

    /// <summary>An artifact that points at its bytes by URL; the hashes let a reader check what it fetched.</summary>
    public JsonObject Artifact(string url, IReadOnlyDictionary<string, string> hashes, string? mimeType = null)
    {
        var p = new JsonObject();
        Set(p, "mime_type", mimeType);
        p["url"] = url;
        SetHashes(p, hashes);
        return Observable("artifact", p);
    }
}
