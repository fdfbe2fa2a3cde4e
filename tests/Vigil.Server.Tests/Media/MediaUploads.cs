namespace Vigil.Server.Tests.Media;

/// <summary>The test classes that upload media run one at a time: each checks that no upload is left in the temporary folder.</summary>
[CollectionDefinition(Name)]
public sealed class MediaUploads
{
    public const string Name = "media uploads";
}
