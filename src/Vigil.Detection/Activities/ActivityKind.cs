namespace Vigil.Detection.Activities;

/// <summary>What an activity is: an original post, a reshare (retweet), a reply or a quote.</summary>
public enum ActivityKind : byte
{
    Post = 0,
    Reshare = 1,
    Reply = 2,
    Quote = 3,
}
