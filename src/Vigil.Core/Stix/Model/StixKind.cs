namespace Vigil.Core.Stix.Model;

/// <summary>The families of STIX 2.1 objects; validation rules (id UUID version, common properties) differ by family.</summary>
public enum StixKind
{
    /// <summary>STIX Domain Object (identity, campaign, indicator, ...).</summary>
    Domain,

    /// <summary>STIX Relationship Object (relationship, sighting).</summary>
    Relationship,

    /// <summary>STIX Cyber-observable Object (url, domain-name, file, ...).</summary>
    Observable,

    /// <summary>STIX Meta Object (marking-definition, extension-definition, language-content).</summary>
    Meta,
}
