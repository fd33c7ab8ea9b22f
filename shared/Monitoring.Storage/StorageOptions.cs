namespace Monitoring.Storage;

public enum StorageProvider
{
    /// <summary>An embedded SQLite file: the default, nothing to install.</summary>
    Sqlite,

    /// <summary>MongoDB: the production store.</summary>
    MongoDb,
}

public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;
    public SqliteOptions Sqlite { get; set; } = new();
    public MongoDbOptions MongoDb { get; set; } = new();
}

public sealed class SqliteOptions
{
    /// <summary>Path of the database file; relative paths are resolved against the working directory.</summary>
    public string Path { get; set; } = "monitoring.db";

    /// <summary>
    /// A file of its own per service (<c>ingest</c>, <c>classify</c>, <c>alert</c>) where one host runs several: the one-process
    /// host sets these. A service without an entry uses <see cref="Path"/>.
    /// </summary>
    public Dictionary<string, string> Databases { get; set; } = [];
}

public sealed class MongoDbOptions
{
    public string? ConnectionString { get; set; }
    public string Database { get; set; } = "monitoring";
}
