using Vigil.Core.Members;

namespace Vigil.Core.Privacy;

/// <summary>
/// A hub's data-minimization policy: one <see cref="ClassRule"/> per content class. <see cref="Version"/> 0 is the
/// built-in <see cref="Default"/>, in force until an administrator stores version 1.
/// </summary>
public sealed record DataPolicy
{
    public int Version { get; init; }
    public required IReadOnlyList<ClassRule> Rules { get; init; }

    /// <summary>
    /// Public posts and public account metadata go to any member; private messages, email contents and non-public
    /// account data go to every sector but government, and to government only with a subpoena, court order, warrant
    /// or emergency disclosure.
    /// </summary>
    public static DataPolicy Default { get; } = new()
    {
        Version = 0,
        Rules =
        [
            Open(ContentClasses.PublicContent),
            Open(ContentClasses.PublicAccountMetadata),
            Guarded(ContentClasses.PrivateMessage),
            Guarded(ContentClasses.NonPublicAccountData),
            Guarded(ContentClasses.EmailContent),
        ],
    };

    public ClassRule? RuleFor(string contentClass)
    {
        foreach (var rule in Rules)
        {
            if (string.Equals(rule.ContentClass, contentClass, StringComparison.Ordinal))
            {
                return rule;
            }
        }

        return null;
    }

    private static ClassRule Open(string contentClass) => new() { ContentClass = contentClass, Sectors = SectorNames.All };

    private static ClassRule Guarded(string contentClass) => new()
    {
        ContentClass = contentClass,
        Sectors = [.. SectorNames.All.Where(s => s != Sector.Government)],
        GovernmentLegalProcess = LegalProcessTypes.All,
    };
}
