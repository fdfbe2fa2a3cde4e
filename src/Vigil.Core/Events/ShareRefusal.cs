namespace Vigil.Core.Events;

/// <summary>
/// The data-minimization policy refused to share an object with a sector: the rule, the field that triggered it and
/// the policy version that decided. Nothing was stored; the event exists so the refusal reaches the transparency log.
/// </summary>
public sealed record ShareRefusal(string ObjectId, string AuthorOrgId, string TargetSector, string ContentClass, string Rule, string Field, int PolicyVersion);
