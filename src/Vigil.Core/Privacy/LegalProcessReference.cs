using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Core.Privacy;

/// <summary>
/// The legal process a share cites, carried on the object as <c>x_vigil_legal_process</c>:
/// <c>{"type": "warrant", "issuing_body": "…", "number": "…", "date": "yyyy-MM-dd"}</c>.
/// </summary>
public sealed record LegalProcessReference(string Type, string IssuingBody, string Number, DateOnly Date)
{
    public const string Property = "x_vigil_legal_process";

    private const int MaxText = 200;

    /// <summary>Reads the reference at <paramref name="path"/>; a missing property is no reference and no error.</summary>
    public static (LegalProcessReference? Reference, FieldError? Error) Read(JsonObject stix, string path)
    {
        ArgumentNullException.ThrowIfNull(stix);
        var node = stix[Property];
        var where = path.Length == 0 ? Property : path + "." + Property;
        if (node is null)
        {
            return (null, null);
        }

        if (node is not JsonObject reference)
        {
            return (null, new FieldError(where, "must be an object with type, issuing_body, number and date."));
        }

        var (type, error) = Text(reference, where, "type");
        if (error is not null)
        {
            return (null, error);
        }

        if (!LegalProcessTypes.IsKnown(type!))
        {
            return (null, new FieldError(where + ".type", $"'{type}' is not a legal-process type; expected one of {string.Join(", ", LegalProcessTypes.All)}."));
        }

        var (body, bodyError) = Text(reference, where, "issuing_body");
        if (bodyError is not null)
        {
            return (null, bodyError);
        }

        var (number, numberError) = Text(reference, where, "number");
        if (numberError is not null)
        {
            return (null, numberError);
        }

        var (date, dateError) = Text(reference, where, "date");
        if (dateError is not null)
        {
            return (null, dateError);
        }

        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var issued))
        {
            return (null, new FieldError(where + ".date", $"'{date}' is not a date in the form yyyy-MM-dd."));
        }

        return (new LegalProcessReference(type!, body!, number!, issued), null);
    }

    private static (string? Value, FieldError? Error) Text(JsonObject reference, string where, string name)
    {
        if (reference[name] is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return (null, new FieldError($"{where}.{name}", "required string is missing."));
        }

        var text = value.GetValue<string>().Trim();
        return text.Length switch
        {
            0 => (null, new FieldError($"{where}.{name}", "must not be empty.")),
            > MaxText => (null, new FieldError($"{where}.{name}", $"longer than {MaxText} characters.")),
            _ => (text, null),
        };
    }
}
