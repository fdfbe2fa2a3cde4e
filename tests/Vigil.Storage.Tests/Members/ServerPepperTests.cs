using Vigil.Storage.Members;

namespace Vigil.Storage.Tests.Members;

public sealed class ServerPepperTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("vigil-pepper-");

    [Fact]
    public void Pepper_is_created_once_and_read_back_the_same()
    {
        var first = ServerPepper.LoadOrCreate(_directory.FullName);
        var second = ServerPepper.LoadOrCreate(_directory.FullName);
        Assert.Equal(32, first.Length);
        Assert.Equal(first, second);
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(Path.Combine(_directory.FullName, ServerPepper.FileName));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        }
    }

    [Fact]
    public void Corrupt_pepper_file_is_reported_with_its_path()
    {
        File.WriteAllText(Path.Combine(_directory.FullName, ServerPepper.FileName), "not base64 !!");
        var error = Assert.Throws<InvalidDataException>(() => ServerPepper.LoadOrCreate(_directory.FullName));
        Assert.Contains(ServerPepper.FileName, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
