using Microsoft.AspNetCore.Http;
using Vigil.Ledger.Errors;
using Vigil.Server.Hosting;

namespace Vigil.Server.Log;

/// <summary>Problem details for the log endpoints: each ledger failure mapped to its status.</summary>
internal static class LogProblems
{
    public static IResult From(HttpContext context, LedgerException e) => e.Failure switch
    {
        LedgerFailure.UnknownHash => ApiProblems.NotFound(context, e.Message),
        LedgerFailure.UntrustedNote or LedgerFailure.ForgedSignature => ApiProblems.Forbidden(context, e.Message),
        LedgerFailure.StaleCheckpoint or LedgerFailure.Fork => ApiProblems.Conflict(context, e.Message),
        _ => ApiProblems.Status(context, StatusCodes.Status400BadRequest, "Bad request", e.Message),
    };
}
