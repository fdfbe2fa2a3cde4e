namespace Vigil.Storage.Objects;

/// <summary>One visible version as its stored UTF-8 text, for responses that pass objects through unchanged.</summary>
public sealed record RawObject(long Seq, byte[] Utf8Json)
{
    public string DateAdded => Objects.DateAdded.Format(Seq);
}
