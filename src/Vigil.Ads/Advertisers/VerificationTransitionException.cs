namespace Vigil.Ads.Advertisers;

/// <summary>A reviewer asked for a verification step the workflow does not allow from the current state.</summary>
public sealed class VerificationTransitionException(string message) : InvalidOperationException(message);
