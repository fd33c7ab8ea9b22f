namespace Monitoring.ServiceDefaults;

/// <summary>
/// A setting a service cannot start without is missing or still holds a placeholder. The service exits with one line
/// naming the key (<see cref="ServiceDefaultsExtensions.AddServiceDefaults{TBuilder}"/>), not a stack trace. Projects
/// that do not reference this one mark any exception the same way: <c>exception.Data["setting"] = key</c>.
/// </summary>
public sealed class InvalidSettingException : InvalidOperationException
{
    public const string DataKey = "setting";

    public InvalidSettingException(string key, string problem) : base($"{key} {problem}.")
    {
        Key = key;
        Data[DataKey] = key;
    }

    public string Key { get; }

    /// <summary>The environment variable that sets <paramref name="key"/>.</summary>
    public static string EnvironmentVariable(string key) => key.Replace(":", "__", StringComparison.Ordinal);
}
