namespace Vigil.Cli.Media;

/// <summary>A bank file's single PDQ hashes and whole-video vPDQ hashes.</summary>
public sealed record HashBank(IReadOnlyList<BankHash> Hashes, IReadOnlyList<BankVideo> Videos)
{
    public int Count => Hashes.Count + Videos.Count;
}
