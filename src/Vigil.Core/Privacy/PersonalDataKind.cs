namespace Vigil.Core.Privacy;

/// <summary>What a detector found in free text.</summary>
public enum PersonalDataKind
{
    EmailAddress,
    PhoneNumber,
    IpAddress,
    PaymentCard,
}
