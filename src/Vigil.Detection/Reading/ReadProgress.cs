namespace Vigil.Detection.Reading;

/// <summary>How far a read has got, in bytes of the file on disk (compressed bytes for gzip input).</summary>
public readonly record struct ReadProgress(long BytesRead, long TotalBytes);
