using System.Text;
using Microsoft.AspNetCore.Http;
using Vigil.Ledger.Errors;
using Vigil.Ledger.Log;
using Vigil.Ledger.Notes;
using Vigil.Server.Hosting;

namespace Vigil.Server.Log;

/// <summary>
/// <c>POST /log/cosignature</c>: a witness sends the latest checkpoint note with its tlog-cosignature line added. Only
/// cosignatures by the configured witness keys are kept (403 otherwise); a note for an older checkpoint gets 409.
/// </summary>
internal static class CosignatureEndpoint
{
    public static async Task<IResult> PostAsync(HttpContext context, TransparencyLog log, LogFiles files, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return ApiProblems.Status(context, StatusCodes.Status413PayloadTooLarge, "Too large", $"A cosigned checkpoint note is at most {SignedNote.MaxSize} bytes.");
        }

        try
        {
            var witnesses = files.LoadWitnesses();
            if (witnesses.Count == 0)
            {
                return ApiProblems.Forbidden(context, $"This hub trusts no witness keys yet; an operator lists them in {files.WitnessesPath}.");
            }

            var merged = await log.AddCosignaturesAsync(body, witnesses, cancellationToken).ConfigureAwait(false);
            return TypedResults.Text(merged.ToString(), "text/plain; charset=utf-8");
        }
        catch (LedgerException e)
        {
            return LogProblems.From(context, e);
        }
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > SignedNote.MaxSize)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > SignedNote.MaxSize)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
