using System.Xml.Linq;
using Monitoring.Storage;

namespace Monitoring.Shared.Tests.Storage;

/// <summary><c>Monitoring.Storage</c> depends on the databases' clients only: no messaging, no telemetry SDK, no other project.</summary>
public sealed class StorageStandsAloneTests
{
    private static readonly string[] Forbidden = ["MassTransit", "OpenTelemetry", "Monitoring.ServiceDefaults", "RabbitMQ"];

    [Fact]
    public void The_project_references_no_other_project_and_no_messaging_or_telemetry_package()
    {
        var project = XDocument.Load(RepositoryPaths.Combine("shared", "Monitoring.Storage", "Monitoring.Storage.csproj"));

        Assert.Empty(project.Descendants("ProjectReference"));
        Assert.DoesNotContain(project.Descendants("PackageReference").Select(p => (string?)p.Attribute("Include") ?? ""),
            package => Forbidden.Any(name => package.StartsWith(name, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void The_assembly_loads_nothing_of_messaging_or_telemetry()
    {
        var references = typeof(StorageTelemetry).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");

        Assert.DoesNotContain(references, name => Forbidden.Any(forbidden => name.StartsWith(forbidden, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal("Monitoring.Storage", StorageTelemetry.Source.Name);
    }
}
