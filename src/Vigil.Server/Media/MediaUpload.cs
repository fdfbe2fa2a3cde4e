using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Vigil.Server.Media;

/// <summary>
/// An uploaded file streamed to a temporary file (never held in memory) with a byte limit. Disposing deletes the file.
/// Accepts a raw body (any content type; the name from <c>?name=</c>) or the first file part of multipart/form-data.
/// </summary>
public sealed class MediaUpload : IDisposable
{
    private MediaUpload(string path, string name, string? contentType, long length)
    {
        TempPath = path;
        Name = name;
        ContentType = contentType;
        Length = length;
    }

    public string TempPath { get; }

    /// <summary>The client's file name (or "upload"), used in messages and to tell a video by its extension.</summary>
    public string Name { get; }

    public string? ContentType { get; }

    public long Length { get; }

    /// <summary>Reads the upload, or throws <see cref="UploadTooLargeException"/> / <see cref="InvalidDataException"/>.</summary>
    public static async Task<MediaUpload> ReceiveAsync(HttpContext context, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (request.ContentLength is { } declared && declared > maxBytes + (request.HasFormContentType ? 64 * 1024 : 0))
        {
            throw new UploadTooLargeException(maxBytes);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            // Multipart framing adds a little; the file itself is held to maxBytes below.
            feature.MaxRequestBodySize = maxBytes + (64 * 1024);
        }

        var path = Path.Combine(Path.GetTempPath(), "vigil-upload-" + Guid.NewGuid().ToString("N"));
        try
        {
            if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value
                    ?? throw new InvalidDataException("the multipart/form-data body has no boundary");
                var reader = new MultipartReader(boundary, request.Body);
                while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
                {
                    if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
                    {
                        var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                        var length = await CopyAsync(section.Body, path, maxBytes, cancellationToken).ConfigureAwait(false);
                        return new MediaUpload(path, SafeName(fileName), section.ContentType, length);
                    }
                }

                throw new InvalidDataException("the multipart/form-data body has no file part");
            }

            var copied = await CopyAsync(request.Body, path, maxBytes, cancellationToken).ConfigureAwait(false);
            return new MediaUpload(path, SafeName(request.Query["name"].ToString()), request.ContentType, copied);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            File.Delete(path);
            throw new UploadTooLargeException(maxBytes);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private static async Task<long> CopyAsync(Stream source, string path, long maxBytes, CancellationToken cancellationToken)
    {
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw new UploadTooLargeException(maxBytes);
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }

        return total;
    }

    private static string SafeName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "upload" : Path.GetFileName(name.Trim());

    public void Dispose()
    {
        try
        {
            File.Delete(TempPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Still open elsewhere (a killed ffmpeg); the temp folder's cleanup will take it.
        }
    }
}
