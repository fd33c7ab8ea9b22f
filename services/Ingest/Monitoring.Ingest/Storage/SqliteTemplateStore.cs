using Dapper;
using Monitoring.Ingest.Extraction;
using Monitoring.Storage;

namespace Monitoring.Ingest.Storage;

public sealed class SqliteTemplateStore(SqliteDatabase database) : ITemplateStore, IStoreInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS ingest_template_documents (
                seq           INTEGER PRIMARY KEY AUTOINCREMENT,
                source        TEXT NOT NULL,
                document_hash INTEGER NOT NULL,
                line_hashes   BLOB NOT NULL,
                seen_at       TEXT NOT NULL,
                UNIQUE (source, document_hash));
            """);
    }

    public async Task AddAsync(TemplateDocument document, int keep, CancellationToken cancellationToken)
    {
        using var activity = SqliteDatabase.StartActivity("INSERT", "ingest_template_documents");
        await database.WriteAsync(async write =>
        {
            var inserted = await write.ExecuteAsync(
                "INSERT INTO ingest_template_documents (source, document_hash, line_hashes, seen_at) VALUES (@Source, @Hash, @Lines, @SeenAt) ON CONFLICT DO NOTHING",
                ("@Source", document.Source), ("@Hash", unchecked((long)document.DocumentHash)), ("@Lines", Pack(document.LineHashes)), ("@SeenAt", document.SeenAt));
            if (inserted == 0) return;
            await write.ExecuteAsync(
                "DELETE FROM ingest_template_documents WHERE source = @source AND seq <= (SELECT seq FROM ingest_template_documents WHERE source = @source ORDER BY seq DESC LIMIT 1 OFFSET @keep)",
                ("@source", document.Source), ("@keep", keep));
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<TemplateDocument>> RecentAsync(string source, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Hash, byte[] Lines, DateTimeOffset SeenAt)>(
            "SELECT document_hash, line_hashes, seen_at FROM ingest_template_documents WHERE source = @source ORDER BY seq DESC LIMIT @limit",
            new { source, limit });
        return rows.Reverse().Select(row => new TemplateDocument(source, unchecked((ulong)row.Hash), Unpack(row.Lines), row.SeenAt)).ToList();
    }

    private static byte[] Pack(IReadOnlyList<ulong> hashes)
    {
        var bytes = new byte[hashes.Count * sizeof(ulong)];
        for (var i = 0; i < hashes.Count; i++) BitConverter.TryWriteBytes(bytes.AsSpan(i * sizeof(ulong)), hashes[i]);
        return bytes;
    }

    private static ulong[] Unpack(byte[] bytes)
    {
        var hashes = new ulong[bytes.Length / sizeof(ulong)];
        for (var i = 0; i < hashes.Length; i++) hashes[i] = BitConverter.ToUInt64(bytes, i * sizeof(ulong));
        return hashes;
    }
}
