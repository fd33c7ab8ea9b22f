using System.Linq.Expressions;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Conventions;
using MongoDB.Bson.Serialization.Serializers;
using MongoDB.Driver;

namespace Monitoring.Storage;

/// <summary>
/// How the services' records are stored in MongoDB, decided once for all of them: each record is its own document
/// (no copy classes), its properties under their own names, enums as strings, instants as UTC BSON dates, and
/// fields a reader does not know ignored, so an older service reads what a newer one wrote.
/// </summary>
public static class MongoConventions
{
    private static readonly Lock Gate = new();
    private static bool _registered;

    public static bool IsDuplicateKey(this MongoWriteException exception) =>
        exception.WriteError?.Category == ServerErrorCategory.DuplicateKey;

    /// <summary>
    /// Maps <typeparamref name="T"/> with <paramref name="id"/> as <c>_id</c> (null: the driver's rule, a property
    /// named <c>Id</c>), then lets <paramref name="configure"/> adjust single members. Idempotent; call it before the
    /// first collection of <typeparamref name="T"/> is opened.
    /// </summary>
    public static void Map<T>(Expression<Func<T, object?>>? id = null, Action<BsonClassMap<T>>? configure = null)
    {
        lock (Gate)
        {
            RegisterConventions();
            if (BsonClassMap.IsClassMapRegistered(typeof(T))) return;
            BsonClassMap.RegisterClassMap<T>(map =>
            {
                map.AutoMap();
                if (id is not null) map.MapIdMember(id);
                configure?.Invoke(map);
            });
        }
    }

    private static void RegisterConventions()
    {
        if (_registered) return;
        var pack = new ConventionPack
        {
            new IgnoreExtraElementsConvention(true),
            new EnumRepresentationConvention(BsonType.String),
            new InstantAsDateConvention(),
        };
        ConventionRegistry.Register("Monitoring records", pack, type => type.Namespace?.StartsWith("Monitoring.", StringComparison.Ordinal) == true);
        _registered = true;
    }

    /// <summary>
    /// <see cref="DateTimeOffset"/> as a BSON date (UTC milliseconds), not the driver's default [ticks, offset]
    /// array: dates sort, compare and index in queries, and read back as UTC.
    /// </summary>
    private sealed class InstantAsDateConvention() : ConventionBase("InstantAsDate"), IMemberMapConvention
    {
        private static readonly DateTimeOffsetSerializer AsDate = new(BsonType.DateTime);

        public void Apply(BsonMemberMap memberMap)
        {
            if (memberMap.MemberType == typeof(DateTimeOffset)) memberMap.SetSerializer(AsDate);
            else if (memberMap.MemberType == typeof(DateTimeOffset?)) memberMap.SetSerializer(new NullableSerializer<DateTimeOffset>(AsDate));
        }
    }
}
