using Microsoft.AspNetCore.Http;
using Vigil.Core.Members;

namespace Vigil.Server.Access;

/// <summary>
/// The signed-in caller of the current request, and the collection checks every endpoint uses: they combine the
/// collection's organization lists with the API key's scopes, so a scoped key cannot read or write outside them.
/// </summary>
public static class CallerAccess
{
    private const string ItemKey = "vigil.caller";

    public static Caller? GetCaller(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[ItemKey] as Caller;
    }

    public static void SetCaller(this HttpContext context, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(caller);
        context.Items[ItemKey] = caller;
        context.SetReader(caller.Reader);
    }

    public static bool CanReadCollection(this HttpContext context, Collection collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        return context.GetCaller() is { } caller ? caller.CanRead(collection) : collection.CanRead(context.GetReader());
    }

    public static bool CanWriteCollection(this HttpContext context, Collection collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        return context.GetCaller() is { } caller && caller.CanWrite(collection);
    }
}
