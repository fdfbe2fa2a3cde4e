using Microsoft.AspNetCore.Http;
using Vigil.Core.Privacy;

namespace Vigil.Server.Privacy;

/// <summary>The REST answer to a share the data-minimization policy refused: 403 naming the rule, the field and the policy version.</summary>
internal static class PolicyProblems
{
    public static IResult Refused(HttpContext context, ShareDecision refusal, int policyVersion) =>
        TypedResults.Problem(detail: $"{refusal.Field}: {refusal.Reason}", instance: context.Request.Path.Value, statusCode: StatusCodes.Status403Forbidden,
            title: "Refused by the data-minimization policy",
            extensions: new Dictionary<string, object?> { ["rule"] = refusal.Rule, ["field"] = refusal.Field, ["policy_version"] = policyVersion });
}
