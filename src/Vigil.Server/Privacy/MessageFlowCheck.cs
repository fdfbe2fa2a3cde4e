using Vigil.Core.Privacy;

namespace Vigil.Server.Privacy;

/// <summary>
/// The data-minimization policy's answer for a <see cref="MessageFlow"/>: allowed (with the legal process it cited, if
/// any), bad input naming the field, or refused by a rule for a sector under a policy version.
/// </summary>
public sealed record MessageFlowCheck
{
    public LegalProcessReference? LegalProcess { get; init; }
    public (string Field, string Message)? Invalid { get; init; }
    public ShareDecision? Refusal { get; init; }
    public int PolicyVersion { get; init; }

    public bool Allowed => Invalid is null && Refusal is null;
}
