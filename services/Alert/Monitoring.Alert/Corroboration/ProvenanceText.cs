using System.Globalization;
using System.Text;
using Monitoring.Contracts;

namespace Monitoring.Alert.Corroboration;

/// <summary>A corroborated event's provenance as the plain-text alert (e-mail, Slack, Teams) shows it.</summary>
public static class ProvenanceText
{
    public static string Of(EventCorroboration corroboration)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"Corroborated event: {corroboration.Source} -> {corroboration.Target}, CAMEO {corroboration.Root}, reported by {corroboration.IndependentOutlets} independent outlets");
        if (corroboration.Required is { } required) text.Append(CultureInfo.InvariantCulture, $" (corroborated:{required})");
        text.Append('\n');
        for (var i = 0; i < corroboration.Reports.Count; i++)
        {
            var report = corroboration.Reports[i];
            text.Append(i == 0 ? "  first: " : "  then:  ").Append(Line(report));
            if (report.Syndicated) text.Append(", syndicated copy (counted once)");
            text.Append('\n');
        }

        if (corroboration.Disputed)
        {
            text.Append("DISPUTED:\n");
            foreach (var denial in corroboration.Denials) text.Append("  denied: ").Append(Line(denial)).Append('\n');
        }

        return text.ToString();
    }

    private static string Line(CorroboratingReport report)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{report.Outlet} at {report.ReportedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        if (report.StateAffiliated == true) line += $" [state-affiliated, {report.OutletCountry}]";
        return report.Title is { Length: > 0 } title ? $"{line} \"{title}\"" : line;
    }
}
