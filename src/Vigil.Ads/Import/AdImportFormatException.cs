namespace Vigil.Ads.Import;

/// <summary>The file as a whole cannot be read: no recognizable header or structure. Rows are never reported this way.</summary>
public sealed class AdImportFormatException(string message) : FormatException(message);
