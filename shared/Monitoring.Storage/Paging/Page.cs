namespace Monitoring.Storage.Paging;

/// <summary>At most <see cref="Limit"/> items after the one <see cref="After"/> points at (null: from the start).</summary>
public sealed record PageRequest(int Limit, string? After = null)
{
    /// <summary>The keys of the last item of the previous page; <see cref="InvalidCursorException"/> when the cursor is not one of ours.</summary>
    public string[]? AfterKeys(int count) => After is null ? null : PageCursor.Decode(After, count);
}

/// <summary>One page of a list in its stable order, and the cursor of the next page (null on the last one).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

public static class Page
{
    /// <summary>
    /// The page from <paramref name="rows"/>, read with one row more than the limit: if that row is there, the page is
    /// not the last, and its cursor is made of the keys of the page's last item.
    /// </summary>
    public static Page<T> From<T>(IReadOnlyList<T> rows, int limit, Func<T, string[]> keys)
    {
        if (rows.Count <= limit) return new Page<T>(rows, null);
        var items = rows.Take(limit).ToList();
        return new Page<T>(items, PageCursor.Encode(keys(items[^1])));
    }

    /// <summary>A page of a list held in memory in a stable order, whose items have unique <paramref name="key"/>s.</summary>
    public static Page<T> InOrder<T>(IReadOnlyList<T> items, PageRequest request, Func<T, string> key)
    {
        var start = 0;
        if (request.AfterKeys(1) is [var last])
        {
            start = items.Select(key).ToList().IndexOf(last) + 1;
            if (start == 0) throw new InvalidCursorException(request.After!);
        }

        return From(items.Skip(start).Take(request.Limit + 1).ToList(), request.Limit, item => [key(item)]);
    }
}
