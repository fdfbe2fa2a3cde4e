using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Correlation.Webhooks;
using Vigil.Server.Alerts;
using Vigil.Server.Tests.Infrastructure;
using Vigil.Testing.Postgres;

namespace Vigil.Server.Tests.Alerts;

/// <summary>A hub whose dispatcher and webhook sender poll often and retry quickly (3 attempts, 1 s per attempt), on SQLite.</summary>
public class AlertHubFixture : IAsyncLifetime
{
    public static readonly AlertOptions Fast = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(20),
        Retry = new WebhookRetryPolicy { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(50), AttemptTimeout = TimeSpan.FromSeconds(1) },
    };

    private TestHub? _hub;

    public TestHub Hub => _hub ?? throw new InvalidOperationException("The hub has not started.");

    public WebhookReceiver Receiver { get; private set; } = null!;

    protected virtual Task<string?> PostgresAsync() => Task.FromResult<string?>(null);

    public async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        _hub = await TestHub.StartAsync(new TestHubOptions
        {
            PostgresConnectionString = await PostgresAsync(),
            ConfigureServices = services => services.Replace(ServiceDescriptor.Singleton(Fast)),
        });
    }

    public virtual async Task DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }

        await Receiver.DisposeAsync();
    }
}

/// <summary>The same hub on a fresh PostgreSQL database.</summary>
public sealed class PostgresAlertHubFixture : AlertHubFixture
{
    private readonly PostgresFixture _postgres = new();

    protected override async Task<string?> PostgresAsync()
    {
        await _postgres.InitializeAsync();
        return _postgres.ConnectionString;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _postgres.DisposeAsync();
    }
}
