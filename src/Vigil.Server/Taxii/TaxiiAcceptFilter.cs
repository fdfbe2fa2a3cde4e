using Microsoft.AspNetCore.Http;

namespace Vigil.Server.Taxii;

/// <summary>Answers 406 when the client's Accept header allows nothing a TAXII 2.1 server produces.</summary>
internal sealed class TaxiiAcceptFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        TaxiiMedia.Accepts(context.HttpContext.Request, allowStix: true)
            ? await next(context).ConfigureAwait(false)
            : TaxiiError.NotAcceptable();
}
