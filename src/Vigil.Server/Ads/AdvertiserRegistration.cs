using System.Text.Json.Serialization;

namespace Vigil.Server.Ads;

/// <summary>
/// Body of <c>POST /api/ads/advertisers</c>: a platform member registers a political advertiser, optionally attesting that it
/// verified the advertiser under its own process (<see cref="Attestation"/>, with the platform's reference).
/// </summary>
public sealed record AdvertiserRegistration(
    [property: JsonPropertyName("legal_name")] string? LegalName,
    [property: JsonPropertyName("country")] string? Country,
    [property: JsonPropertyName("disclaimer")] string? Disclaimer,
    [property: JsonPropertyName("accounts")] IReadOnlyList<AdvertiserAccountRequest>? Accounts,
    [property: JsonPropertyName("address")] string? Address = null,
    [property: JsonPropertyName("contact")] string? Contact = null,
    [property: JsonPropertyName("payer")] string? Payer = null,
    [property: JsonPropertyName("beneficiary")] string? Beneficiary = null,
    [property: JsonPropertyName("websites")] IReadOnlyList<string>? Websites = null,
    [property: JsonPropertyName("attestation")] AttestationRequest? Attestation = null);

/// <summary>A page or account the advertiser runs ads from.</summary>
public sealed record AdvertiserAccountRequest(
    [property: JsonPropertyName("platform")] string? Platform,
    [property: JsonPropertyName("account_id")] string? AccountId,
    [property: JsonPropertyName("name")] string? Name = null);

/// <summary>The submitting platform's attestation: which platform, its own case reference, and the process it followed.</summary>
public sealed record AttestationRequest(
    [property: JsonPropertyName("platform")] string? Platform,
    [property: JsonPropertyName("reference")] string? Reference,
    [property: JsonPropertyName("process")] string? Process = null);

/// <summary>Body of <c>POST /api/ads/advertisers/{id}/verification</c>: a reviewer's step (<c>verified</c>, <c>rejected</c>, …).</summary>
public sealed record VerificationStep(
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("notes")] string? Notes = null);
