namespace Vigil.Core.Stix.Model;

/// <summary>The value shape a STIX property must have.</summary>
public enum PropertyKind
{
    String,
    Boolean,
    Integer,
    Float,
    Timestamp,
    Identifier,
    IdentifierList,
    StringList,
    OpenVocab,
    OpenVocabList,
    Enum,
    EnumList,
    Hashes,
    Dictionary,
    KillChainPhases,
    ExternalReferences,
    GranularMarkings,
    Extensions,
    Binary,
    Hex,
    Object,
    ObjectList,
    Any,
}
