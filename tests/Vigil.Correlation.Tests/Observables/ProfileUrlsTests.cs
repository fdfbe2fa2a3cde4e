using Vigil.Correlation.Observables;

namespace Vigil.Correlation.Tests.Observables;

public sealed class ProfileUrlsTests
{
    [Theory]
    [InlineData("https://twitter.com/SomeBot/status/123", "account:x:somebot")]
    [InlineData("https://x.com/@rt_com", "account:x:rt_com")]
    [InlineData("https://www.instagram.com/RT_PressOffice_/", "account:instagram:rt_pressoffice_")]
    [InlineData("https://www.instagram.com/stories/user.name/1/", "account:instagram:user.name")]
    [InlineData("https://www.facebook.com/BakhtarNewsAgency", "account:facebook:bakhtarnewsagency")]
    [InlineData("https://m.facebook.com/profile.php?id=100012345", "account:facebook:id:100012345")]
    [InlineData("https://www.youtube.com/@SomeChannel/videos", "account:youtube:somechannel")]
    [InlineData("https://www.youtube.com/channel/UCpwvZwUam-URkxB7g4USKpg", "account:youtube:id:UCpwvZwUam-URkxB7g4USKpg")]
    [InlineData("https://t.me/s/rian_ru", "account:telegram:rian_ru")]
    [InlineData("https://t.me/rian_ru/12345", "account:telegram:rian_ru")]
    [InlineData("https://vk.com/id1", "account:vk:id:1")]
    [InlineData("https://vk.com/rt_russian", "account:vk:rt_russian")]
    [InlineData("https://ok.ru/group/52614", "account:ok:id:52614")]
    [InlineData("https://www.tiktok.com/@someone/video/1", "account:tiktok:someone")]
    [InlineData("https://rutube.ru/channel/23460694/", "account:rutube:id:23460694")]
    [InlineData("https://www.linkedin.com/company/rt-com/", "account:linkedin:rt-com")]
    [InlineData("https://bsky.app/profile/someone.bsky.social", "account:bluesky:someone.bsky.social")]
    [InlineData("https://www.reddit.com/user/Spez", "account:reddit:spez")]
    public void Profile_link_gives_its_account(string url, string expected)
    {
        var normalized = TestSuffixes.Observables.Urls.Normalize(url);
        Assert.True(ProfileUrls.TryGetAccount(normalized, out var account));
        Assert.Equal(expected, account.ToString());
        Assert.Contains(account, normalized.ToObservable().Related);
    }

    [Theory]
    [InlineData("https://twitter.com/search?q=vote")]
    [InlineData("https://twitter.com/")]
    [InlineData("https://www.youtube.com/watch?v=abc")]
    [InlineData("https://www.facebook.com/sharer.php?u=x")]
    [InlineData("https://www.instagram.com/p/Cabc/")]
    [InlineData("https://t.me/+invitecode")]
    [InlineData("https://www.reddit.com/r/politics")]
    [InlineData("https://example.com/someone")]
    public void Feature_pages_and_other_sites_give_no_account(string url) =>
        Assert.False(ProfileUrls.TryGetAccount(TestSuffixes.Observables.Urls.Normalize(url), out _));
}
