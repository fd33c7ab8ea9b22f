using System.Runtime.CompilerServices;

namespace Monitoring.Classify.Coding;

/// <summary>
/// A lookup by the key's identity: the stages ask for cue sets by a literal name (<c>Set("options")</c>), and a literal
/// is the interned string, so a table keyed by the interned names answers without hashing or comparing characters. A
/// name built at run time is another instance and misses: the caller then looks it up by value.
/// </summary>
internal sealed class ByReference<TValue>
    where TValue : class
{
    private readonly string?[] _keys;
    private readonly TValue?[] _values;
    private readonly int _mask;

    public ByReference(IEnumerable<KeyValuePair<string, TValue>> entries)
    {
        var list = entries.ToList();
        var size = 4;
        while (size < list.Count * 4) size *= 2;
        (_keys, _values, _mask) = (new string?[size], new TValue?[size], size - 1);
        foreach (var (key, value) in list)
        {
            var interned = string.Intern(key);
            var at = Slot(interned);
            while (_keys[at] is not null) at = (at + 1) & _mask;
            (_keys[at], _values[at]) = (interned, value);
        }
    }

    /// <summary>The value of this very string instance, or null (another instance of the same name is not found).</summary>
    public TValue? Find(string key)
    {
        for (var at = Slot(key); _keys[at] is { } stored; at = (at + 1) & _mask)
        {
            if (ReferenceEquals(stored, key)) return _values[at];
        }

        return null;
    }

    private int Slot(string key) => RuntimeHelpers.GetHashCode(key) & _mask;
}
