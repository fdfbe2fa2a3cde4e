namespace Vigil.Server.Tests.Media;

/// <summary>A temporary folder deleted with everything in it.</summary>
internal sealed class TempFolder : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("vigil-media-");

    public string Path => _directory.FullName;

    public string File(string name) => System.IO.Path.Combine(_directory.FullName, name);

    public void Dispose() => _directory.Delete(recursive: true);
}
