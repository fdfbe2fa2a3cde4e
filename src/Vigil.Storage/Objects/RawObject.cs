namespace Vigil.Storage.Objects;

/// <summary>One visible version as its stored UTF-8 text, for responses that pass objects through unchanged, with its id and author for the read log.</summary>
public sealed record RawObject(long Seq, byte[] Utf8Json, string ObjectId, string AuthorOrgId)
{
    public string DateAdded => Objects.DateAdded.Format(Seq);
}
