namespace Vigil.Detection.CooRTweet;

/// <summary>Two shares (activity rows) of one object by different accounts within the window; <see cref="Older"/> came first.</summary>
public readonly record struct CoSharePair(int Older, int Newer);
