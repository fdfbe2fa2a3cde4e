namespace Vigil.Storage.Cases;

/// <summary>What a case is about.</summary>
public enum CaseType
{
    InfluenceCampaign,
    CoordinatedNetwork,
    ManipulatedMedia,
    HackAndLeak,
    ElectionInfrastructureThreat,
    ElectionOfficialsThreat,
    VoterSuppression,
}
