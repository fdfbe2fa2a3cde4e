namespace Vigil.Server.Tests.Alerts;

/// <summary>One request the <see cref="WebhookReceiver"/> got.</summary>
public sealed record ReceivedDelivery(string Name, string Behaviour, byte[] Body, IReadOnlyDictionary<string, string> Headers);
