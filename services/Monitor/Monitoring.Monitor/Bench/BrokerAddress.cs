using System.Globalization;
using RabbitMQ.Client;

namespace Monitoring.Monitor.Bench;

/// <summary>A RabbitMQ broker and vhost: from <c>amqp://user:password@host:port/vhost</c>, or the MONITORING_RABBITMQ_* variables tests/run.sh sets.</summary>
public sealed record BrokerAddress(string Host, int Port, string VirtualHost, string User, string Password)
{
    public static BrokerAddress Parse(string uri)
    {
        var parsed = new Uri(uri);
        if (parsed.Scheme != "amqp") throw new FormatException($"'{uri}' is not an amqp:// URI.");
        var credentials = parsed.UserInfo.Split(':', 2);
        var vhost = Uri.UnescapeDataString(parsed.AbsolutePath.TrimStart('/'));
        return new BrokerAddress(parsed.Host, parsed.IsDefaultPort || parsed.Port < 0 ? 5672 : parsed.Port, vhost.Length == 0 ? "/" : vhost,
            Uri.UnescapeDataString(credentials[0]), credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "");
    }

    public static BrokerAddress? FromEnvironment() =>
        Environment.GetEnvironmentVariable("MONITORING_RABBITMQ_USER") is { Length: > 0 } user
            ? new BrokerAddress(
                Environment.GetEnvironmentVariable("MONITORING_RABBITMQ_HOST") ?? "127.0.0.1",
                int.Parse(Environment.GetEnvironmentVariable("MONITORING_RABBITMQ_PORT") ?? "5672", CultureInfo.InvariantCulture),
                Environment.GetEnvironmentVariable("MONITORING_RABBITMQ_VHOST") ?? "/",
                user,
                Environment.GetEnvironmentVariable("MONITORING_RABBITMQ_PASSWORD") ?? "")
            : null;

    public ConnectionFactory Factory() => new() { HostName = Host, Port = Port, VirtualHost = VirtualHost, UserName = User, Password = Password };

    /// <summary>The services' settings for this broker, as environment variables.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Messaging__Transport", "RabbitMq"), new("Messaging__RabbitMq__Host", Host),
        new("Messaging__RabbitMq__Port", Port.ToString(CultureInfo.InvariantCulture)), new("Messaging__RabbitMq__VirtualHost", VirtualHost),
        new("Messaging__RabbitMq__Username", User), new("Messaging__RabbitMq__Password", Password),
    ];

    public override string ToString() => $"amqp://{User}@{Host}:{Port}/{VirtualHost}";
}
