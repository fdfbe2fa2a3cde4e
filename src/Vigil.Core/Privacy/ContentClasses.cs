namespace Vigil.Core.Privacy;

/// <summary>
/// The content classes of the data-minimization policy, named on objects and observables by the custom property
/// <c>x_vigil_content_class</c>. Detected personal data in free text counts as <see cref="NonPublicAccountData"/>.
/// </summary>
public static class ContentClasses
{
    public const string Property = "x_vigil_content_class";

    public const string PublicContent = "public-content";
    public const string PublicAccountMetadata = "public-account-metadata";
    public const string PrivateMessage = "private-message";
    public const string NonPublicAccountData = "non-public-account-data";
    public const string EmailContent = "email-content";

    public static IReadOnlyList<string> All { get; } = [PublicContent, PublicAccountMetadata, PrivateMessage, NonPublicAccountData, EmailContent];

    public static bool IsKnown(string value) => All.Contains(value, StringComparer.Ordinal);
}
