using Vigil.Core.Members;

namespace Vigil.Core.Privacy;

/// <summary>
/// The policy's answer for one share: allowed, or refused by <see cref="Rule"/> (e.g. <c>private-message/government</c>,
/// or <c>content-class</c> and <c>legal-process</c> for bad input) because of <see cref="Field"/>.
/// </summary>
public sealed record ShareDecision
{
    public const string BadContentClassRule = "content-class";
    public const string BadLegalProcessRule = "legal-process";

    public static ShareDecision Allow { get; } = new() { Allowed = true };

    public required bool Allowed { get; init; }
    public string? Rule { get; init; }
    public string? Field { get; init; }
    public string? ContentClass { get; init; }
    public Sector? TargetSector { get; init; }
    public string? Reason { get; init; }

    public static ShareDecision Refuse(string rule, string field, string reason, string? contentClass = null, Sector? sector = null) => new()
    {
        Allowed = false,
        Rule = rule,
        Field = field,
        Reason = reason,
        ContentClass = contentClass,
        TargetSector = sector,
    };

    public override string ToString() => Allowed ? "allowed" : $"{Field}: refused by rule {Rule}: {Reason}";
}
