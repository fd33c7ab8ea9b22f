using System.Reflection;
using MassTransit;

namespace Monitoring.ServiceDefaults.Messaging;

/// <summary>
/// Caps how long a RabbitMQ receive endpoint waits between reconnection attempts. MassTransit 8.5 builds this retry
/// policy (exponential, 3 s to 30 s) inside its host configuration and offers no setting for it, so the policy is
/// replaced in place: same exception filter and limit, shorter waits. The version is pinned exactly
/// (Directory.Packages.props); <see cref="Apply"/> throws, and a test fails, if the field moves in another release.
/// </summary>
public static class ReconnectBackoff
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    public static void Apply(IRabbitMqBusFactoryConfigurator configurator, TimeSpan maxInterval)
    {
        var host = configurator.GetType().GetField("_hostConfiguration", Instance)?.GetValue(configurator)
            ?? throw new InvalidOperationException("MassTransit's RabbitMQ host configuration was not found: check ReconnectBackoff against this MassTransit version.");
        var property = host.GetType().GetProperty("ReceiveTransportRetryPolicy", Instance);
        var field = host.GetType().GetField("<ReceiveTransportRetryPolicy>k__BackingField", Instance);
        if (property?.GetValue(host) is not IRetryPolicy current || field is null
            || current.GetType().GetField("_filter", Instance)?.GetValue(current) is not IExceptionFilter filter)
        {
            throw new InvalidOperationException("MassTransit's receive transport retry policy was not found: check ReconnectBackoff against this MassTransit version.");
        }

        var max = maxInterval <= TimeSpan.Zero ? TimeSpan.FromSeconds(5) : maxInterval;
        var min = max < TimeSpan.FromSeconds(1) ? max : TimeSpan.FromSeconds(1);
        field.SetValue(host, new MassTransit.RetryPolicies.ExponentialRetryPolicy(filter, int.MaxValue, min, max, min));
    }

    /// <summary>The longest wait of the policy in force, for tests and the start-up log.</summary>
    public static TimeSpan CurrentMaxInterval(IRabbitMqBusFactoryConfigurator configurator)
    {
        var host = configurator.GetType().GetField("_hostConfiguration", Instance)!.GetValue(configurator)!;
        var policy = host.GetType().GetProperty("ReceiveTransportRetryPolicy", Instance)!.GetValue(host)!;
        return TimeSpan.FromMilliseconds((int)policy.GetType().GetField("_maxInterval", Instance)!.GetValue(policy)!);
    }
}
