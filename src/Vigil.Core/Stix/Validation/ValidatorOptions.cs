namespace Vigil.Core.Stix.Validation;

/// <summary>Knobs for <see cref="StixValidator"/>. The defaults follow the specification as Vigil enforces it.</summary>
public sealed record ValidatorOptions
{
    public static ValidatorOptions Default { get; } = new();

    /// <summary>
    /// Checks STIX pattern syntax for indicators whose <c>pattern_type</c> is "stix". When null,
    /// <see cref="Patterning.StixPatternParser"/> does.
    /// </summary>
    public PatternCheck? PatternCheck { get; init; }

    /// <summary>How an SCO id that differs from its deterministic UUIDv5 is treated.</summary>
    public ScoIdCheck ScoIds { get; init; } = ScoIdCheck.Strict;

    /// <summary>
    /// When true, an SDO/SRO/meta id whose UUID is not version 4 is an error; otherwise a warning (the
    /// specification says SHOULD, and common producers such as OpenCTI use UUIDv5 for domain objects).
    /// </summary>
    public bool RequireUuidV4ForNonObservables { get; init; }

    /// <summary>
    /// When set, <c>created_by_ref</c> must be one of these identity ids (the posting organization's), so a member
    /// cannot publish objects in another organization's name. Null: any identity.
    /// </summary>
    public IReadOnlySet<string>? AllowedCreatedByRefs { get; init; }

    /// <summary>Longest string value accepted, in characters.</summary>
    public int MaxStringLength { get; init; } = 1_000_000;
}
