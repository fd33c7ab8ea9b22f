using RabbitMQ.Client;

namespace Monitoring.Testing;

/// <summary>
/// The real broker the integration tests use, described by <c>MONITORING_RABBITMQ_*</c>. <c>tests/run.sh</c>
/// sets them, starting Debian's rabbitmq-server on loopback when no broker answers.
/// </summary>
public static class RabbitMqBroker
{
    public static string Host => Required("MONITORING_RABBITMQ_HOST");
    public static int Port => int.Parse(Environment.GetEnvironmentVariable("MONITORING_RABBITMQ_PORT") ?? "5672", System.Globalization.CultureInfo.InvariantCulture);
    public static string VirtualHost => Environment.GetEnvironmentVariable("MONITORING_RABBITMQ_VHOST") ?? "/";
    public static string User => Required("MONITORING_RABBITMQ_USER");
    public static string Password => Required("MONITORING_RABBITMQ_PASSWORD");

    public static Dictionary<string, string?> Settings(string name)
    {
        var settings = TestSettings.InMemory(name);
        settings["Messaging:Transport"] = "RabbitMq";
        settings["Messaging:RabbitMq:Host"] = Host;
        settings["Messaging:RabbitMq:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Messaging:RabbitMq:VirtualHost"] = VirtualHost;
        settings["Messaging:RabbitMq:Username"] = User;
        settings["Messaging:RabbitMq:Password"] = Password;
        return settings;
    }

    public static Task<IConnection> ConnectAsync() => new ConnectionFactory
    {
        HostName = Host,
        Port = Port,
        VirtualHost = VirtualHost,
        UserName = User,
        Password = Password,
    }.CreateConnectionAsync(TestContext.Current.CancellationToken);

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set. Run the tests with tests/run.sh, which starts RabbitMQ on 127.0.0.1 and sets MONITORING_RABBITMQ_*.");
}
