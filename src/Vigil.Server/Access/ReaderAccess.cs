using Microsoft.AspNetCore.Http;
using Vigil.Core.Sharing;

namespace Vigil.Server.Access;

/// <summary>The authenticated reader of the current request; the public reader when nobody signed in.</summary>
public static class ReaderAccess
{
    private const string ItemKey = "vigil.reader";

    public static Reader GetReader(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[ItemKey] as Reader ?? Reader.Public;
    }

    public static void SetReader(this HttpContext context, Reader reader)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[ItemKey] = reader;
    }
}
