namespace Vigil.Server.Enrichment;

/// <summary>The source-credibility file formats the hub and <c>vigil sources import</c> read (see Vigil.Correlation/Sources/README.md).</summary>
public enum SourceFormat
{
    /// <summary>Vigil's ratings CSV: provider, domain, score, label, rated_on, evidence.</summary>
    VigilRatings,

    /// <summary>Vigil's state-media CSV: provider, domain, outlet, country, state_body, control, evidence.</summary>
    VigilStateMedia,

    /// <summary>Lin et al. (2023) <c>domain_ratings.csv</c>, plain or gzip.</summary>
    DomainQualityRatings,

    /// <summary>ASD <c>State_Media_Matrix.csv</c>.</summary>
    StateMediaMatrix,
}
