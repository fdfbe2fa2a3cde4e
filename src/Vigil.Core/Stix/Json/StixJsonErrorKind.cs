namespace Vigil.Core.Stix.Json;

/// <summary>Why a body was refused; <see cref="TooLarge"/> maps to HTTP 413, the rest to 400/422.</summary>
public enum StixJsonErrorKind
{
    Malformed,
    TooLarge,
    TooDeep,
    TooManyObjects,
    StringTooLong,
    TooManyProperties,
    DuplicateProperty,
    NotAnEnvelope,
}
