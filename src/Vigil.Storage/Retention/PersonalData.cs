using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Core.Privacy;

namespace Vigil.Storage.Retention;

/// <summary>
/// Which objects a personal-data retention rule covers: those whose content classes (declared in <c>x_vigil_content_class</c>
/// on the object or an object nested in it, or detected in free text by the data-minimization policy's detectors) include
/// <c>private-message</c>, <c>non-public-account-data</c> or <c>email-content</c>. Public content and public account
/// metadata are not personal data for retention.
/// </summary>
public static class PersonalData
{
    public static IReadOnlyList<string> Classes { get; } = [ContentClasses.PrivateMessage, ContentClasses.NonPublicAccountData, ContentClasses.EmailContent];

    public static bool IsPersonal(string json)
    {
        JsonObject? stix;
        try
        {
            stix = JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return false;
        }

        if (stix is null)
        {
            return false;
        }

        var (classes, _) = SharePolicyEvaluator.Classify(stix);
        return classes.Any(c => Classes.Contains(c.ContentClass, StringComparer.Ordinal));
    }
}
