using Vigil.Core.Members;

namespace Vigil.Server.Tests.Infrastructure;

/// <summary>An organization with one user, the user's password and an API key bound to the user.</summary>
public sealed record TestMember(Organization Organization, UserAccount User, string Password, string ApiKey, string ApiKeyId);
