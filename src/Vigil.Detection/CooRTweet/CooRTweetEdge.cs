namespace Vigil.Detection.CooRTweet;

/// <summary>One edge of CooRTweet's coordinated network: weight is the number of co-share pairs.</summary>
public readonly record struct CooRTweetEdge(int A, int B, int Weight, double AverageTimeDelta);
