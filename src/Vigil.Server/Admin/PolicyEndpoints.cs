using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Vigil.Core.Privacy;
using Vigil.Server.Access;
using Vigil.Server.Hosting;
using Vigil.Storage.Privacy;

namespace Vigil.Server.Admin;

/// <summary>
/// The hub's data-minimization policy: the version in force, every version ever published, and publishing a new one
/// (<c>PUT</c> with the rules and, optionally, <c>based_on</c>: the version the edit started from, refused with 409
/// when another version was published since). Each published version reaches the transparency log as <c>policy-changed</c>.
/// </summary>
internal static class PolicyEndpoints
{
    public static async Task<IResult> GetCurrentAsync(IPolicyStore policies, CancellationToken cancellationToken)
    {
        var current = await policies.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        return current.Version == 0
            ? TypedResults.Ok(Default())
            : TypedResults.Ok(Response((await policies.GetVersionAsync(current.Version, cancellationToken).ConfigureAwait(false))!));
    }

    public static async Task<IResult> ListAsync(IPolicyStore policies, CancellationToken cancellationToken) =>
        TypedResults.Ok((await policies.ListVersionsAsync(cancellationToken).ConfigureAwait(false)).Select(Response).ToList());

    public static async Task<IResult> GetVersionAsync(HttpContext context, int version, IPolicyStore policies)
    {
        if (version == 0)
        {
            return TypedResults.Ok(Default());
        }

        return await policies.GetVersionAsync(version, context.RequestAborted).ConfigureAwait(false) is { } stored
            ? TypedResults.Ok(Response(stored))
            : ApiProblems.NotFound(context, $"version: the policy has no version {version}.");
    }

    public static async Task<IResult> PutAsync(HttpContext context, IPolicyStore policies)
    {
        var (body, problem) = await JsonBody.ReadAsync<JsonObject>(context).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        int? basedOn = null;
        if (body["based_on"] is { } node)
        {
            if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number || !value.TryGetValue<int>(out var number) || number < 0)
            {
                return ApiProblems.Invalid(context, "based_on", "must be the version number the edit started from (0 for the built-in default).");
            }

            basedOn = number;
        }

        var (policy, errors) = DataPolicyDocument.Parse(body, 0);
        if (policy is null)
        {
            return ApiProblems.Invalid(context, errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }

        var caller = context.GetCaller()!;
        var changedBy = caller.User is { } user ? "user:" + user.Id : "key:" + caller.Key!.Id;
        try
        {
            var stored = await policies.PublishAsync(policy, changedBy, basedOn, context.RequestAborted).ConfigureAwait(false);
            return TypedResults.Created($"/api/admin/policy/versions/{stored.Version}", Response(stored));
        }
        catch (PolicyConflictException e)
        {
            return ApiProblems.Conflict(context, "based_on: " + e.Message);
        }
    }

    private static PolicyVersionResponse Response(StoredPolicy stored) => new()
    {
        Version = stored.Version,
        Sha256 = stored.Sha256,
        ChangedBy = stored.ChangedBy,
        ChangedAt = stored.ChangedAt,
        Policy = (JsonObject)JsonNode.Parse(stored.Document)!,
    };

    private static PolicyVersionResponse Default()
    {
        var document = DataPolicyDocument.ToJson(DataPolicy.Default);
        return new PolicyVersionResponse
        {
            Version = 0,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document.ToJsonString()))),
            Policy = document,
        };
    }
}
