namespace Monitoring.Alert.Analysts;

public sealed class AnalystRegistry(IAnalystStore store, TimeProvider clock)
{
    /// <summary>Creates an analyst with a new random key, or with <paramref name="apiKey"/> when one is supplied (demo seeding).</summary>
    public async Task<CreatedAnalyst> CreateAsync(string name, string? apiKey, CancellationToken cancellationToken)
    {
        apiKey ??= ApiKeys.Generate();
        var analyst = new Analyst
        {
            AnalystId = Guid.CreateVersion7().ToString("N"),
            Name = name,
            ApiKeyHash = ApiKeys.Hash(apiKey),
            CreatedAt = clock.GetUtcNow(),
        };
        if (!await store.TryInsertAsync(analyst, cancellationToken))
        {
            var existing = await store.FindByKeyHashAsync(analyst.ApiKeyHash, cancellationToken)
                ?? throw new InvalidOperationException("Analyst id collision.");
            return new CreatedAnalyst(existing.AnalystId, existing.Name, apiKey);
        }

        return new CreatedAnalyst(analyst.AnalystId, analyst.Name, apiKey);
    }
}
