using System.CommandLine;
using System.Text.Json.Nodes;
using Vigil.Cli;
using Vigil.Core.Sharing;
using Vigil.Core.Stix.Validation;

namespace Vigil.Server.Tests.Media;

public sealed class BankCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("vigil-bank-");

    private string Temp(string name) => Path.Combine(_directory.FullName, name);

    private static async Task<(int Code, string[] Output, string[] Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await VigilCommandLine.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, Split(output), Split(error));
    }

    private static string[] Split(StringWriter w) => w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private async Task<string> BankAsync(params string[] lines)
    {
        var path = Temp($"bank-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(path, lines);
        return path;
    }

    private static string Hash(string image) => PdqTestData.ExpectedOriginal()[image].Hash;

    [Fact]
    public async Task Export_writes_valid_stix_with_pdq_file_objects_indicators_labels_and_tlp()
    {
        var bank = await BankAsync("# ballot photo bank", "hash,label,source", $"{Hash("bridge-mods_aaa-orig.jpg")},manipulated media,https://example.org/a, b", Hash("misc-images_wee.jpg"));
        var bundlePath = Temp("bundle.json");

        var (code, _, error) = await RunAsync("bank", "export", "--in", bank, "--out", bundlePath, "--tlp", "amber+strict", "--label", "election-2026");

        Assert.True(code == 0, string.Join('\n', error));
        var objects = JsonNode.Parse(await File.ReadAllTextAsync(bundlePath))!["objects"]!.AsArray().Select(o => o!.AsObject()).ToArray();
        foreach (var o in objects)
        {
            var result = StixValidator.Validate(o);
            Assert.True(result.IsValid, $"{o["id"]}: {result}");
        }

        var files = objects.Where(o => (string?)o["type"] == "file").ToArray();
        var indicators = objects.Where(o => (string?)o["type"] == "indicator").ToArray();
        Assert.Equal([Hash("bridge-mods_aaa-orig.jpg"), Hash("misc-images_wee.jpg")], files.Select(f => (string)f["hashes"]!["PDQ"]!));
        Assert.Equal($"[file:hashes.PDQ = '{Hash("bridge-mods_aaa-orig.jpg")}']", (string?)indicators[0]["pattern"]);
        Assert.Equal(["manipulated media", "election-2026"], indicators[0]["labels"]!.AsArray().Select(l => (string)l!));
        Assert.Equal(["election-2026"], indicators[1]["labels"]!.AsArray().Select(l => (string)l!));
        Assert.All(files.Concat(indicators), o => Assert.Equal(Tlp.AmberStrictId, (string?)o["object_marking_refs"]![0]));
        Assert.Contains(objects, o => (string?)o["id"] == Tlp.AmberStrictId);
    }

    [Fact]
    public async Task Import_of_an_exported_bundle_gives_back_the_hashes_labels_and_sources()
    {
        var bank = await BankAsync($"{Hash("bridge-mods_aaa-orig.jpg")},manipulated media,https://example.org/a, b", $"{Hash("misc-images_wee.jpg")},state-media re-upload");
        var bundle = Temp("round.json");
        var back = Temp("back.csv");

        Assert.Equal(0, (await RunAsync("bank", "export", "--in", bank, "--out", bundle)).Code);
        var (code, _, error) = await RunAsync("bank", "import", bundle, "--out", back);

        Assert.True(code == 0, string.Join('\n', error));
        Assert.Equal(
            ["hash,label,source", $"{Hash("bridge-mods_aaa-orig.jpg")},manipulated media,https://example.org/a, b", $"{Hash("misc-images_wee.jpg")},state-media re-upload,"],
            await File.ReadAllLinesAsync(back));
    }

    [Fact]
    public async Task Match_prints_bank_hashes_within_the_distance_closest_first()
    {
        var bank = await BankAsync($"{Hash("misc-images_wee.jpg")},unrelated", $"{Hash("bridge-mods_aaa-orig.jpg")},fake ballot photo,tip line");

        var (code, output, error) = await RunAsync("match", PdqTestData.Image("bridge-mods_blur-a-little.jpg"), "--bank", bank);

        Assert.True(code == 0, string.Join('\n', error));
        Assert.Equal([$"0,{Hash("bridge-mods_aaa-orig.jpg")},fake ballot photo,tip line"], output);
    }

    [Fact]
    public async Task Rotated_copy_matches_only_with_dihedral_and_names_the_transform()
    {
        var bundle = Temp("stix-bank.json");
        var csv = await BankAsync($"{Hash("reg-test-input_dih_bridge-1-original.jpg")},original bridge");
        Assert.Equal(0, (await RunAsync("bank", "export", "--in", csv, "--out", bundle)).Code);
        var rotated = PdqTestData.Image("reg-test-input_dih_bridge-2-rotate-90.jpg");

        var plain = await RunAsync("match", rotated, "--bank", bundle);
        var dihedral = await RunAsync("match", rotated, "--bank", bundle, "--dihedral");

        Assert.Equal(0, plain.Code);
        Assert.Empty(plain.Output);
        var line = Assert.Single(dihedral.Output).Split(',');
        Assert.InRange(int.Parse(line[0], System.Globalization.CultureInfo.InvariantCulture), 0, 31);
        Assert.StartsWith("Rotate", line[1], StringComparison.Ordinal);
        Assert.Equal("original bridge", line[3]);
    }

    [Fact]
    public async Task Malformed_bank_line_fails_naming_the_file_and_line()
    {
        var bank = await BankAsync(Hash("misc-images_wee.jpg"), "not-a-hash,label");

        var (code, output, error) = await RunAsync("match", PdqTestData.Image("misc-images_wee.jpg"), "--bank", bank);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains(error, l => l.Contains(bank + ":2", StringComparison.Ordinal) && l.Contains("malformed PDQ hash", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Video_bank_entry_exports_as_stix_imports_back_and_matches_a_copy_by_vpdq()
    {
        var (original, copy, unrelated) = (Temp("original.mp4"), Temp("copy.mp4"), Temp("unrelated.mp4"));
        await MediaFiles.MakeVideoAsync(original, seconds: 8);
        await MediaFiles.CopyVideoAsync(original, copy, "-vf", "drawbox=x=iw*0.85:y=ih*0.04:w=iw*0.08:h=iw*0.08:color=white@0.8:t=fill", "-c:v", "libx264", "-crf", "30");
        await MediaFiles.MakeVideoAsync(unrelated, seconds: 8, source: "mandelbrot");
        var hashed = await RunAsync("hash", original);
        Assert.Equal(0, hashed.Code);
        await File.WriteAllLinesAsync(Temp("original.vpdq"), hashed.Output);
        var frames = hashed.Output.Select((l, i) => Vigil.Media.Video.VpdqFormat.Parse(l, "hash output", i + 1)).ToList();
        var digest = Vigil.Server.Media.VpdqStixHashes.Digest(frames);
        var bank = await BankAsync($"{Hash("misc-images_wee.jpg")},unrelated photo", "vpdq:@original.vpdq,doctored clip,tip line");
        var (bundle, back) = (Temp("video-bank.json"), Temp("video-back.csv"));

        var exported = await RunAsync("bank", "export", "--in", bank, "--out", bundle, "--tlp", "green");
        var imported = await RunAsync("bank", "import", bundle, "--out", back);
        var matched = await RunAsync("match", copy, "--bank", bundle);
        var fromText = await RunAsync("match", copy, "--bank", back);
        var other = await RunAsync("match", unrelated, "--bank", bundle);

        Assert.True(exported.Code == 0, string.Join('\n', exported.Error));
        var objects = JsonNode.Parse(await File.ReadAllTextAsync(bundle))!["objects"]!.AsArray().Select(o => o!.AsObject()).ToArray();
        Assert.All(objects, o => Assert.True(StixValidator.Validate(o).IsValid, $"{o["id"]}: {StixValidator.Validate(o)}"));
        var file = objects.Single(o => (string?)o["type"] == "file" && o["hashes"]!["vPDQ"] is not null);
        Assert.Equal(digest, (string?)file["hashes"]!["vPDQ"]);
        Assert.Equal(frames.Count, file["x_vigil_vpdq"]!.AsArray().Count);
        Assert.Equal(frames[0].Hash.ToString(), (string?)file["x_vigil_vpdq"]![0]!["hash"]);
        var indicator = objects.Single(o => (string?)o["type"] == "indicator" && ((string)o["pattern"]!).Contains("vPDQ", StringComparison.Ordinal));
        Assert.Equal($"[file:hashes.vPDQ = '{digest}']", (string?)indicator["pattern"]);
        Assert.Equal(["doctored clip"], indicator["labels"]!.AsArray().Select(l => (string)l!));

        Assert.True(imported.Code == 0, string.Join('\n', imported.Error));
        var lines = await File.ReadAllLinesAsync(back);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("vpdq:" + string.Join(';', frames.Take(2).Select(f => Vigil.Media.Video.VpdqFormat.Format(f).Replace(',', '/'))), lines[2], StringComparison.Ordinal);
        Assert.EndsWith(",doctored clip,tip line", lines[2], StringComparison.Ordinal);

        Assert.True(matched.Code == 0, string.Join('\n', matched.Error));
        var line = Assert.Single(matched.Output).Split(',');
        Assert.InRange(int.Parse(line[0], System.Globalization.CultureInfo.InvariantCulture), 0, 31);
        Assert.StartsWith("vpdq ", line[1], StringComparison.Ordinal);
        Assert.Equal(["vpdq:" + digest, "doctored clip", "tip line"], line[2..]);
        Assert.Equal(matched.Output, fromText.Output);
        Assert.Equal(0, other.Code);
        Assert.Empty(other.Output);
    }

    [Fact]
    public async Task Malformed_video_frame_fails_naming_the_file_and_line()
    {
        var bank = await BankAsync(Hash("misc-images_wee.jpg"), "vpdq:0/100/abc/0.000,broken");

        var (code, _, error) = await RunAsync("bank", "export", "--in", bank, "--out", Temp("x.json"));

        Assert.Equal(1, code);
        Assert.Contains(error, l => l.Contains(bank + ":2", StringComparison.Ordinal) && l.Contains("malformed vPDQ frame", StringComparison.Ordinal));
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
