using Microsoft.AspNetCore.Http;

namespace Vigil.Server.Web.Response;

/// <summary>Reading the posted form of a Response page, and showing errors keyed by API field (<c>objectIds[2]</c>) next to the form field (<c>objectIds</c>).</summary>
public static class FormValues
{
    public static async Task<IFormCollection> ReadAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false) : FormCollection.Empty;
    }

    public static string? Text(IFormCollection form, string name)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.TryGetValue(name, out var value) ? value.ToString() : null;
    }

    public static IReadOnlyList<string> All(IFormCollection form, string name)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.TryGetValue(name, out var values) ? [.. values.OfType<string>()] : [];
    }

    /// <summary>Splits a text field of several values (commas or lines; a value may hold spaces, as "US-New York" does).</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        (text ?? string.Empty).Split([',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Errors grouped under the form field they belong to: <c>jurisdictions[0].country</c> shows at <c>jurisdictions</c>.</summary>
    public static IReadOnlyDictionary<string, string[]> ByField(IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.GroupBy(e => e.Key.Split('[', '.')[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray(), StringComparer.Ordinal);
    }
}
