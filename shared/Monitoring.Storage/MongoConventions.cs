using MongoDB.Driver;

namespace Monitoring.Storage;

public static class MongoConventions
{
    public static bool IsDuplicateKey(this MongoWriteException exception) =>
        exception.WriteError?.Category == ServerErrorCategory.DuplicateKey;

    /// <summary>BSON dates are UTC milliseconds; the driver hands them back as <see cref="DateTime"/> of unspecified kind.</summary>
    public static DateTimeOffset ToUtcOffset(this DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
