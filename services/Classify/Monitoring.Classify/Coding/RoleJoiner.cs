using System.Buffers;

namespace Monitoring.Classify.Coding;

/// <summary>
/// Stage 1a, after <see cref="LexiconActorFinder"/> found a language's actors: a role next to a country, either order, with
/// at most a connector between, is one actor ("la policía colombiana", "ejército de Colombia", "الشرطة العراقية"); so
/// are people from a country ("متظاهرون من ألمانيا") and, in Arabic, a role in the construct state before a definite
/// noun and demonym ("طلبة المدارس العراقية"); the leader of an organisation is of the organisation.
/// </summary>
internal sealed class RoleJoiner(WordShapes shapes)
{
    private static readonly SearchValues<char> Punctuation = SearchValues.Create(" ,،.;:«»()\"");

    private readonly WordShapes _shapes = shapes;

    /// <summary>Nothing, a connector ("de las"), or a short name between two ("del Frente 13 de las"), no punctuation.</summary>
    private static bool IsConnectorGap(string gap, CueWords cues)
    {
        if (gap.Length == 0 || cues.RoleConnectors.Contains(gap)) return true;
        var words = gap.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 6 || gap.IndexOfAny([',', ';', '.', '(', ')']) >= 0) return false;
        for (var k = 1; k < words.Length; k++)
        {
            if (cues.RoleConnectors.Contains(words[0]) && cues.RoleConnectors.Contains(string.Join(' ', words[k..]))) return true;
        }

        return false;
    }

    /// <summary>"متظاهرون من ألمانيا": people (<c>origin-sectors</c>) from a country (<c>origin-connectors</c>) are of it.</summary>
    private static bool IsOrigin(string gap, ActorMention role, CueWords cues) =>
        cues.Set("origin-connectors").Contains(gap) && role.Sector is { } sector && cues.Set("origin-sectors").Contains(sector);

    /// <summary>
    /// "طلبة المدارس العراقية", "حزب الغد المصري": a role in the construct state (no article) before one definite noun
    /// and a definite demonym — the students of the Iraqi schools, the Egyptian party — is of the demonym's country.
    /// </summary>
    private bool IsConstruct(string gap, ActorMention role, ActorMention country)
    {
        if (!_shapes.HasClitics || gap.Length == 0 || gap.AsSpan().IndexOfAny(Punctuation) >= 0) return false;
        var demonym = _shapes.Normalize(country.Text);
        return IsDefinite(_shapes.Normalize(gap)) && IsDefinite(demonym) && NounDoers.IsNisba(demonym)
            && !IsDefinite(_shapes.Normalize(role.Text)) && !role.Text.Contains(' ');
    }

    /// <summary>The article ال, after at most one clitic letter ("والمصري", "بالعراق").</summary>
    private static bool IsDefinite(string word) =>
        word.StartsWith("ال", StringComparison.Ordinal) || (word.Length > 3 && word[0] is 'و' or 'ف' or 'ب' or 'ل' or 'ك' && word.AsSpan(1).StartsWith("ال", StringComparison.Ordinal)) || word.StartsWith("لل", StringComparison.Ordinal);

    /// <summary>A leader word (<c>leader-words</c>) of no country, a connector, and a role of another sector.</summary>
    private bool LeaderOf(string text, ActorMention a, ActorMention b, CueWords cues) =>
        a.Code == CodedEvents.UnknownCode && a.Sector is not null && b.Code == CodedEvents.UnknownCode && b.Sector is not null && b.Sector != a.Sector
        && cues.Set("leader-words").Contains(_shapes.Normalize(a.Text.ToLowerInvariant()))
        && cues.RoleConnectors.Contains(text[a.End..b.Start].Trim().ToLowerInvariant());

    /// <summary>A role next to a country, either order, at most a connector between: one mention with the country's code and the role's sector.</summary>
    public List<ActorMention> Join(string text, List<ActorMention> mentions, CueWords cues)
    {
        for (var i = 0; i + 1 < mentions.Count; i++)
        {
            var (a, b) = (mentions[i], mentions[i + 1]);
            if (LeaderOf(text, a, b, cues))
            {
                // "el presidente del sindicato": the leader of an organisation is of the organisation.
                mentions[i] = b with { Start = a.Start, Text = text[a.Start..b.End] };
                mentions.RemoveAt(i + 1);
                continue;
            }

            var (role, country) = a.Code == CodedEvents.UnknownCode && a.Sector is not null ? (a, b) : (b, a);
            if (role.Code != CodedEvents.UnknownCode || role.Sector is null || country.Code == CodedEvents.UnknownCode || country.Cameo is not null) continue;
            var gap = text[a.End..b.Start].Trim().ToLowerInvariant();
            var origin = ReferenceEquals(role, a) && IsOrigin(gap, role, cues);
            if (!IsConnectorGap(gap, cues) && !origin && !(ReferenceEquals(role, a) && IsConstruct(gap, role, country))) continue;

            // "guerrilleros de las FARC": the organisation's country and sector; "policía colombiana": the role's.
            mentions[i] = new ActorMention(a.Start, b.End, text[a.Start..b.End], country.Code, country.Sector ?? role.Sector);
            mentions.RemoveAt(i + 1);
            if (origin) OfSameOrigin(text, mentions, i, role.Sector!);
        }

        return mentions;
    }

    /// <summary>"متظاهرون من ألمانيا وسويسرا وفرنسا": the countries listed after the first origin are the same people's.</summary>
    private void OfSameOrigin(string text, List<ActorMention> mentions, int i, string sector)
    {
        for (var j = i + 1; j < mentions.Count; j++)
        {
            var m = mentions[j];
            var gap = text.AsSpan(mentions[j - 1].End, m.Start - mentions[j - 1].End).Trim();
            var listed = gap.Length == 0 ? _shapes.Normalize(m.Text).StartsWith('و') : gap is "," or "،" or "و" or "او";
            if (!listed || m.Sector is not null || m.Cameo is not null || m.Code == CodedEvents.UnknownCode) return;
            mentions[j] = m with { Sector = sector };
        }
    }
}
