namespace Vigil.Storage.Cases;

/// <summary>What a member asks of others.</summary>
public enum RequestKind
{
    ReviewAccounts,
    ReviewContent,
    Referral,
    FalseVotingInformation,
}
