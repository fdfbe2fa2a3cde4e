namespace Vigil.Detection.Synthetic;

/// <summary>How a planted network coordinates.</summary>
public enum NetworkStyle
{
    /// <summary>Reshares the same posts within seconds.</summary>
    Reshare,
    /// <summary>Posts the same links.</summary>
    Link,
    /// <summary>Posts near-copies of the same text.</summary>
    CopyPasta,
    /// <summary>Posts the same ordered hashtag sets.</summary>
    Hashtag,
    /// <summary>Posts the same pictures (PDQ hashes a few bits apart).</summary>
    Media,
    /// <summary>Each action in one of the styles above.</summary>
    Mixed,
}
