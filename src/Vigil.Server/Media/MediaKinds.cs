namespace Vigil.Server.Media;

/// <summary>Tells a video from an image by its file extension or content type (images are decoded by content, not name).</summary>
public static class MediaKinds
{
    private static readonly HashSet<string> VideoExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".mp4", ".m4v", ".mov", ".webm", ".mkv", ".avi", ".wmv", ".flv", ".mpg", ".mpeg", ".ts", ".3gp", ".ogv",
    };

    public static bool IsVideo(string fileName, string? contentType = null) =>
        (contentType is not null && contentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase))
        || VideoExtensions.Contains(Path.GetExtension(fileName));
}
