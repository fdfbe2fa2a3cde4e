namespace Vigil.Server.Web.Components.Pages;

/// <summary>The sign-in form's fields.</summary>
public sealed class SignInInput
{
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? ReturnUrl { get; set; }
}
