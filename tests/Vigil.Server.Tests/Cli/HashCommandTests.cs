using System.CommandLine;
using System.Text.Json;
using Vigil.Cli;
using Vigil.Media.Video;
using Vigil.Server.Tests.Media;

namespace Vigil.Server.Tests.Cli;

public sealed class HashCommandTests : IDisposable
{
    private static readonly string[] Images = ["bridge-mods_aaa-orig.jpg", "misc-images_modes_CMYK.jpg", "pytests_LA.png", "reg-test-input_dih_bridge-2-rotate-90.jpg"];
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("vigil-hash-");

    private static async Task<(int Code, string[] Output, string[] Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await VigilCommandLine.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, Lines(output), Lines(error));
    }

    private static string[] Lines(StringWriter writer) => writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task Image_lines_are_the_reference_pdq_photo_hasher_rows()
    {
        var expected = PdqTestData.ExpectedOriginal();
        var paths = Images.Select(PdqTestData.Image).ToArray();

        var (code, output, error) = await RunAsync(["hash", .. paths]);

        Assert.True(code == 0, string.Join('\n', error));
        Assert.Equal(paths.Select(p => $"{expected[Path.GetFileName(p)].Hash},{expected[Path.GetFileName(p)].Quality},{p}"), output);
    }

    [Fact]
    public async Task Corrupt_and_empty_files_are_reported_and_the_batch_continues_with_a_non_zero_exit()
    {
        var good = PdqTestData.Image("misc-images_wee.jpg");
        var corrupt = Path.Combine(_directory.FullName, "truncated.jpg");
        await File.WriteAllBytesAsync(corrupt, (await File.ReadAllBytesAsync(good))[..120]);
        var empty = Path.Combine(_directory.FullName, "empty.png");
        await File.WriteAllBytesAsync(empty, []);
        var other = PdqTestData.Image("pytests_LA.png");

        var (code, output, error) = await RunAsync("hash", good, corrupt, other, empty);

        Assert.Equal(1, code);
        Assert.Equal(2, output.Length);
        Assert.EndsWith("," + good, output[0], StringComparison.Ordinal);
        Assert.EndsWith("," + other, output[1], StringComparison.Ordinal);
        Assert.Contains(error, l => l.StartsWith("error,", StringComparison.Ordinal) && l.EndsWith("," + corrupt, StringComparison.Ordinal));
        Assert.Contains(error, l => l.StartsWith("error,", StringComparison.Ordinal) && l.Contains("empty", StringComparison.Ordinal) && l.EndsWith("," + empty, StringComparison.Ordinal));
        Assert.Contains(error, l => l.StartsWith("2 of 4 files", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_output_has_dimensions_and_the_reference_dihedral_hashes()
    {
        var name = "bridge-mods_aaa-orig.png";
        var path = PdqTestData.Decoded(name);

        var (code, output, _) = await RunAsync("hash", "--json", path);

        Assert.Equal(0, code);
        var json = JsonDocument.Parse(Assert.Single(output)).RootElement;
        Assert.Equal("image", json.GetProperty("kind").GetString());
        Assert.True(json.GetProperty("width").GetInt32() > 0 && json.GetProperty("height").GetInt32() > 0);
        Assert.Equal(PdqTestData.ExpectedDihedral()[name], json.GetProperty("dihedral").EnumerateArray().Select(h => h.GetString()!).ToArray());
        Assert.Equal(PdqTestData.ExpectedDihedral()[name][0], json.GetProperty("hash").GetString());
    }

    [Fact]
    public async Task Video_prints_one_vpdq_frame_line_per_sampled_second()
    {
        var video = Path.Combine(_directory.FullName, "clip.mp4");
        await MediaFiles.MakeVideoAsync(video, seconds: 3);

        var (code, output, error) = await RunAsync("hash", video);

        Assert.True(code == 0, string.Join('\n', error));
        var frames = output.Select(l => VpdqFormat.Parse(l)).ToArray();
        Assert.InRange(frames.Length, 2, 4);
        Assert.Equal(frames.OrderBy(f => f.FrameNumber), frames);
    }

    [Fact]
    public async Task Unreadable_video_is_an_error_line_naming_it()
    {
        var video = Path.Combine(_directory.FullName, "not-a-video.mp4");
        await File.WriteAllTextAsync(video, "this is text, not a video");

        var (code, output, error) = await RunAsync("hash", video);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains(error, l => l.StartsWith("error,", StringComparison.Ordinal) && l.EndsWith("," + video, StringComparison.Ordinal));
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
