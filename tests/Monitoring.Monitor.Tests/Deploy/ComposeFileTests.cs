using System.Reflection;
using System.Text.RegularExpressions;
using Monitoring.Alert;
using Monitoring.Classify;
using Monitoring.Ingest;
using Monitoring.ServiceDefaults.Messaging;
using Monitoring.Storage;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Monitoring.Monitor.Tests.Deploy;

/// <summary>
/// Checks docker-compose.yml, .env.example and the Dockerfile against each other and against the services' code,
/// so that drift fails here rather than on an operator's <c>docker compose up</c>. There is no Docker engine in CI.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly string[] Infrastructure = ["rabbitmq", "mongodb"];

    // PASS also covers PASSWORD, USER covers USERNAME.
    private static readonly string[] SecretMarkers = ["PASS", "SECRET", "KEY"];
    private static readonly string[] CredentialMarkers = [.. SecretMarkers, "USER", "ConnectionString"];

    // Read by the runtime or the OpenTelemetry SDK rather than bound to an options class.
    private static readonly string[] ConventionalPrefixes = ["OTEL_", "ASPNETCORE_", "DOTNET_", "Logging__"];

    private static readonly (string Section, Type Options)[] BoundOptions =
    [
        (MessagingOptions.SectionName, typeof(MessagingOptions)),
        (StorageOptions.SectionName, typeof(StorageOptions)),
        (IngestOptions.SectionName, typeof(IngestOptions)),
        (ClassifyOptions.SectionName, typeof(ClassifyOptions)),
        (AlertOptions.SectionName, typeof(AlertOptions)),
        (Monitoring.ServiceDefaults.Access.AccessOptions.SectionName, typeof(Monitoring.ServiceDefaults.Access.AccessOptions)),
    ];

    private static readonly string EnvExamplePath = RepositoryPaths.Combine(".env.example");

    private readonly Dictionary<object, object> _compose;
    private readonly Dictionary<string, Dictionary<object, object>> _services;

    public ComposeFileTests()
    {
        _compose = ReadYaml(RepositoryPaths.Combine("docker-compose.yml"));
        _services = Map(_compose.GetValueOrDefault("services"), "services")
            .ToDictionary(service => (string)service.Key, service => Map(service.Value, $"services.{service.Key}"));
    }

    [Fact]
    public void Every_service_runs_an_exact_image_version_or_builds_from_a_Dockerfile_in_the_repository()
    {
        var problems = _services.Select(service => ImageProblem(service.Key, service.Value)).OfType<string>().ToList();

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("rabbitmq")]
    [InlineData("mongodb")]
    [InlineData("ingest")]
    [InlineData("classify")]
    [InlineData("alert")]
    [InlineData("otel-collector")]
    [InlineData("jaeger")]
    [InlineData("prometheus")]
    [InlineData("grafana")]
    public void Every_service_declares_a_health_check(string name)
    {
        var healthcheck = Map(Assert.Contains(name, _services).GetValueOrDefault("healthcheck"), $"services.{name}.healthcheck");

        Assert.Contains("test", healthcheck);
        Assert.NotEqual("true", healthcheck.GetValueOrDefault("disable") as string);
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("classify")]
    [InlineData("alert")]
    public void Services_start_only_once_broker_and_store_are_healthy(string name)
    {
        var service = Assert.Contains(name, _services);

        var conditions = Infrastructure.ToDictionary(dependency => dependency, dependency => DependencyCondition(service, dependency));

        Assert.Equal(Infrastructure.ToDictionary(dependency => dependency, _ => "service_healthy"), conditions);
    }

    [Fact]
    public void No_setting_uses_RabbitMQs_default_guest_account()
    {
        var guests = Scalars(_compose).Where(value => value.Contains("guest", StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.Empty(guests);
    }

    [Fact]
    public void Credentials_in_service_environments_come_from_variables_not_literals()
    {
        var literals = _services
            .SelectMany(service => EnvironmentOf(service.Value).Select(entry => (Service: service.Key, entry.Key, entry.Value)))
            .Where(entry => ContainsAny(entry.Key, CredentialMarkers) && !ComesFromVariables(entry.Value))
            .Select(entry => $"{entry.Service}: {entry.Key}")
            .ToList();

        Assert.Empty(literals);
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("classify")]
    [InlineData("alert")]
    public void Service_settings_are_keys_that_the_options_classes_bind(string name)
    {
        var bound = BoundSettingKeys();

        // Ordinal, although configuration binding ignores case: a key spelled unlike the property is drift.
        var unknown = EnvironmentOf(Assert.Contains(name, _services)).Keys
            .Where(key => !ConventionalPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal)) && !bound.Contains(ListItemIndex().Replace(key, "")))
            .ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public void Every_variable_the_compose_file_reads_is_documented_in_env_example()
    {
        var documented = ReadEnvFile(EnvExamplePath).Keys.ToHashSet(StringComparer.Ordinal);
        var referenced = Scalars(_compose).SelectMany(ReferencedVariables).Distinct().ToList();

        Assert.NotEmpty(referenced);
        var undocumented = referenced.Where(variable => !documented.Contains(variable)).ToList();
        Assert.Empty(undocumented);
    }

    [Fact]
    public void Env_example_holds_placeholders_not_secrets()
    {
        var secrets = ReadEnvFile(EnvExamplePath)
            .Where(variable => ContainsAny(variable.Key, SecretMarkers) && !variable.Value.StartsWith("change-me", StringComparison.Ordinal))
            .Select(variable => variable.Key)
            .ToList();

        Assert.Empty(secrets);
    }

    [Fact]
    public void The_env_file_with_the_real_secrets_is_git_ignored()
    {
        var ignored = File.ReadLines(RepositoryPaths.Combine(".gitignore")).Select(line => line.Trim());

        Assert.Contains(ignored, pattern => pattern is ".env" or "/.env");
    }

    [Fact]
    public void The_service_image_builds_in_stages_and_runs_as_a_non_root_user()
    {
        var path = RepositoryPaths.Combine("Dockerfile");
        var instructions = ReadDockerfile(path);

        // The SDK stays in the build stage; only the runtime and the published output ship.
        Assert.True(instructions.Count(instruction => instruction.Keyword == "FROM") >= 2, $"{path} is not a multi-stage build.");
        var finalStage = instructions.Skip(instructions.FindLastIndex(instruction => instruction.Keyword == "FROM") + 1).ToList();
        var user = finalStage.LastOrDefault(instruction => instruction.Keyword == "USER")?.Arguments.Split(':')[0];
        Assert.False(user is null or "root" or "0", $"The final stage of {path} runs as root.");

        // Every stage that names the service declares the argument, or it would be empty there.
        var stages = instructions.Aggregate(new List<List<Instruction>>(), (all, instruction) =>
        {
            if (instruction.Keyword == "FROM") all.Add([]);
            if (all.Count > 0) all[^1].Add(instruction);
            return all;
        });
        Assert.All(stages.Where(stage => stage.Any(i => i.Arguments.Contains("SERVICE", StringComparison.Ordinal))),
            stage => Assert.Contains(stage, i => i.Keyword == "ARG" && i.Arguments == "SERVICE"));
    }

    [Theory]
    [InlineData("ingest", "Ingest")]
    [InlineData("classify", "Classify")]
    [InlineData("alert", "Alert")]
    public void Each_service_builds_the_one_Dockerfile_with_its_own_project(string name, string service)
    {
        var build = Map(_services[name].GetValueOrDefault("build"), $"services.{name}.build");

        Assert.Equal(RepositoryPaths.Combine("Dockerfile"), Path.GetFullPath(DockerfilePath(build)));
        Assert.Equal(service, Map(build.GetValueOrDefault("args"), $"services.{name}.build.args").GetValueOrDefault("SERVICE"));
        Assert.True(File.Exists(RepositoryPaths.Combine("services", service, $"Monitoring.{service}.Service", $"Monitoring.{service}.Service.csproj")),
            $"SERVICE={service} names no project services/{service}/Monitoring.{service}.Service.");
    }

    [Fact]
    public void Service_images_start_from_base_images_pinned_to_a_patch_version()
    {
        var path = RepositoryPaths.Combine("Dockerfile");

        var unpinned = ReadDockerfile(path).Where(i => i.Keyword == "FROM")
            .Select(i => i.Arguments.Split(' ')[0])
            .Where(image => !image.Contains('@', StringComparison.Ordinal) && (ImageTag(image) is not { } tag || !ExactVersionTag().IsMatch(tag)))
            .ToList();

        Assert.Empty(unpinned);
    }

    [Fact]
    public void Files_the_services_mount_from_the_repository_exist()
    {
        var missing = _services.SelectMany(service => (service.Value.GetValueOrDefault("volumes") as List<object> ?? []).OfType<string>())
            .Where(volume => volume.StartsWith("./", StringComparison.Ordinal))
            .Select(volume => volume.Split(':')[0])
            .Where(source => !File.Exists(RepositoryPaths.Combine(source)) && !Directory.Exists(RepositoryPaths.Combine(source)))
            .ToList();

        Assert.Empty(missing);
    }

    private static string? ImageProblem(string name, Dictionary<object, object> service)
    {
        if (service.TryGetValue("build", out var build))
        {
            var dockerfile = DockerfilePath(build);
            return File.Exists(dockerfile) ? null : $"{name} builds from {dockerfile}, which does not exist";
        }

        if (service.GetValueOrDefault("image") is not string image) return $"{name} has neither an image nor a build";
        if (image.Contains('@', StringComparison.Ordinal)) return null; // a digest pins the exact image
        return ImageTag(image) is { } tag && ExactVersionTag().IsMatch(tag)
            ? null
            : $"{name} runs {image}: pin an exact version, not latest or a floating tag";
    }

    /// <summary>The tag of an image reference, or null; a registry's port (host:5000/name) is not a tag.</summary>
    private static string? ImageTag(string image)
    {
        var name = image[(image.LastIndexOf('/') + 1)..];
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : name[(colon + 1)..];
    }

    private static string DockerfilePath(object build) => build switch
    {
        string context => RepositoryPaths.Combine(context, "Dockerfile"),
        Dictionary<object, object> spec => RepositoryPaths.Combine(
            spec.GetValueOrDefault("context") as string ?? ".",
            spec.GetValueOrDefault("dockerfile") as string ?? "Dockerfile"),
        _ => "(an unreadable build section)",
    };

    /// <summary>What a service waits for on a dependency: "none" when it does not depend on it at all.</summary>
    private static string DependencyCondition(Dictionary<object, object> service, string dependency) => service.GetValueOrDefault("depends_on") switch
    {
        List<object> names => names.Contains(dependency) ? "service_started" : "none",
        Dictionary<object, object> map when map.GetValueOrDefault(dependency) is Dictionary<object, object> entry =>
            entry.GetValueOrDefault("condition") as string ?? "service_started",
        _ => "none",
    };

    /// <summary>
    /// True when the value references a variable and, for a URI with credentials, both user and password are
    /// variables: a literal user beside a variable password still fixes the account in the file.
    /// </summary>
    private static bool ComesFromVariables(string value)
    {
        if (!value.Contains("${", StringComparison.Ordinal)) return false;
        var userInfo = UriUserInfo().Match(value);
        return !userInfo.Success || UserInfoOfVariables().IsMatch(userInfo.Groups["userinfo"].Value);
    }

    private static bool ContainsAny(string key, string[] markers) =>
        markers.Any(marker => key.Contains(marker, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> ReferencedVariables(string value) =>
        VariableReference().Matches(value).Select(match => match.Groups["name"].Value);

    private static HashSet<string> BoundSettingKeys() =>
        BoundOptions.SelectMany(options => SettingKeys(options.Section, options.Options)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Environment-variable keys (<c>Section__Nested__Property</c>) of every public settable property.</summary>
    private static IEnumerable<string> SettingKeys(string prefix, Type options)
    {
        foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true }) continue;
            var key = $"{prefix}__{property.Name}";
            if (IsNestedSection(property.PropertyType))
            {
                foreach (var nested in SettingKeys(key, property.PropertyType)) yield return nested;
            }
            else
            {
                yield return key;
            }
        }
    }

    // The project's own classes are subsections; strings, numbers, TimeSpans and enums are single values.
    private static bool IsNestedSection(Type type) =>
        type.IsClass && type.Namespace?.StartsWith("Monitoring.", StringComparison.Ordinal) == true;

    /// <summary>A service's environment in either compose form: a mapping, or a list of <c>KEY=value</c>.</summary>
    private static Dictionary<string, string> EnvironmentOf(Dictionary<object, object> service) => service.GetValueOrDefault("environment") switch
    {
        null => new Dictionary<string, string>(),
        Dictionary<object, object> map => map.ToDictionary(entry => (string)entry.Key, entry => entry.Value as string ?? ""),
        List<object> list => list.Cast<string>()
            .Select(entry => entry.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : ""),
        var other => throw new InvalidOperationException($"Unreadable environment section: {other}."),
    };

    /// <summary>Every scalar value in a YAML tree, where compose interpolates variables.</summary>
    private static IEnumerable<string> Scalars(object? node) => node switch
    {
        string scalar => [scalar],
        Dictionary<object, object> map => map.Values.SelectMany(Scalars),
        List<object> list => list.SelectMany(Scalars),
        _ => [],
    };

    private static Dictionary<object, object> ReadYaml(string path)
    {
        using var reader = File.OpenText(path);
        // MergingParser resolves the `<<: *anchor` merge keys through which the services share settings.
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)))
            ?? throw new InvalidOperationException($"{path} is empty.");
    }

    private static Dictionary<object, object> Map(object? node, string path) =>
        node as Dictionary<object, object> ?? throw new InvalidOperationException($"{path} is missing or not a mapping.");

    private static Dictionary<string, string> ReadEnvFile(string path) =>
        File.ReadLines(path)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0].Trim(), parts => parts.Length > 1 ? parts[1].Trim() : "", StringComparer.Ordinal);

    /// <summary>Instructions with their keyword upper-cased, continuation lines joined and comment lines dropped.</summary>
    private static List<Instruction> ReadDockerfile(string path)
    {
        var instructions = new List<Instruction>();
        var pending = "";
        foreach (var line in File.ReadLines(path).Select(raw => raw.Trim()))
        {
            if (line.StartsWith('#')) continue;
            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var parts = (pending + line).Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length > 0) instructions.Add(new Instruction(parts[0].ToUpperInvariant(), parts.Length > 1 ? parts[1] : ""));
            pending = "";
        }

        return instructions;
    }

    private sealed record Instruction(string Keyword, string Arguments);

    // Access__WriteKeys__0: an item of a list setting.
    [GeneratedRegex(@"__\d+$")]
    private static partial Regex ListItemIndex();

    // Exact releases such as 8.0.12 or 4.1.2-management; latest, 8 or 8.0 move under an unchanged file.
    [GeneratedRegex(@"^v?\d+\.\d+\.\d+([-+.][\w.-]+)?$")]
    private static partial Regex ExactVersionTag();

    // Greedy up to the last '@', which ends the userinfo even when a variable's error message holds '/'.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*://(?<userinfo>.+)@[^@]*$")]
    private static partial Regex UriUserInfo();

    [GeneratedRegex(@"^\$\{[^}]+\}:\$\{[^}]+\}$")]
    private static partial Regex UserInfoOfVariables();

    // ${NAME}, ${NAME:?message}, ${NAME:-default} or $NAME; $$ is compose's escape for a literal dollar.
    [GeneratedRegex(@"(?<!\$)\$\{?(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex VariableReference();
}
