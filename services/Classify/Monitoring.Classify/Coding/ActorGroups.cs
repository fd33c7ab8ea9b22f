namespace Monitoring.Classify.Coding;

/// <summary>
/// Stage 3b: the actors of a clause. A group is a slot and the slots joined to it by "and", "or", commas or hyphens
/// ("Arnor, Calenardhon and the evil Gondor", "China-Russia"); a subject is the group before the trigger, a target the
/// first group after it that is not the subject and not a place ("in Beijing"), an agent the group after "by".
/// </summary>
internal static class ActorGroups
{
    public static List<ActorMention>? First(Sentence sentence, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (sentence.InActor[k] >= 0) return Group(sentence, sentence.InActor[k], to);
        }

        return null;
    }

    public static List<ActorMention>? Last(Sentence sentence, int from, int to)
    {
        var slots = sentence.Slots;
        for (var k = to - 1; k >= from; k--)
        {
            if (sentence.InActor[k] < 0) continue;
            var s = sentence.InActor[k];

            // Walk back to the first conjunct: "Gondor and Rohan condemned".
            while (s > 0 && slots[s - 1].First >= from && Joined(sentence, slots[s - 1], slots[s])) s--;
            return Group(sentence, s, to);
        }

        return null;
    }

    /// <summary>The agent of a passive verb: "was attacked by Russian troops"; of a converse one, "received assurances from Georgia".</summary>
    public static List<ActorMention>? Agent(Sentence sentence, int from, int to, HashSet<string>? prepositions = null)
    {
        var w = sentence.Tokens;
        prepositions ??= sentence.Cues.AgentPrepositions;
        for (var k = from; k < to; k++)
        {
            if (!prepositions.Contains(sentence.Language.Shapes.Normalize(w[k].Lower))) continue;
            for (var j = k + 1; j < Math.Min(to, k + 5); j++)
            {
                if (sentence.InActor[j] >= 0) return Group(sentence, sentence.InActor[j], to);
            }
        }

        return null;
    }

    public static List<ActorMention>? Target(Sentence sentence, int from, int to, List<ActorMention> subject, bool placeIsTarget = false, bool opposing = false, bool sending = false)
    {
        for (var k = from; k < to; k++)
        {
            if (sentence.InActor[k] < 0) continue;
            var slot = sentence.Slots[sentence.InActor[k]];
            k = slot.End - 1;
            if (!placeIsTarget && IsPlace(sentence, slot)) continue;
            if (AllIn(slot.Mentions, subject)) continue;
            // "bans on travel to Canada against four Russian officers": where a conflictual measure goes is not whom it
            // is against ("sent troops to Peru against the rebels" cooperates with Peru).
            if (opposing && IsDestination(sentence, slot) && Opposed(sentence, slot.End, to, subject) is { } opposed) return opposed;
            // "will send 500 troops to Mali": forces with no country of their own are what is sent, the destination whom.
            if (sending && IsUnnamedForce(sentence, slot) && Destination(sentence, slot.End, to, subject) is { } destination) return destination;
            return Group(sentence, sentence.InActor[slot.First], to, isObject: true);
        }

        return null;
    }

    private static bool IsUnnamedForce(Sentence sentence, Slot slot) =>
        slot.Mentions.TrueForAll(m => m.Code == CodedEvents.UnknownCode && m.Sector is { } sector && sentence.Cues.Set("sent-sectors").Contains(sector));

    /// <summary>The first group after a destination preposition in the region, unless it is the subject or a place.</summary>
    private static List<ActorMention>? Destination(Sentence sentence, int from, int to, List<ActorMention> subject)
    {
        for (var k = from; k < to; k++)
        {
            if (sentence.InActor[k] < 0) continue;
            var slot = sentence.Slots[sentence.InActor[k]];
            k = slot.End - 1;
            if (IsDestination(sentence, slot) && !IsPlace(sentence, slot) && !AllIn(slot.Mentions, subject)) return Group(sentence, sentence.InActor[slot.First], to, isObject: true);
        }

        return null;
    }

    private static bool IsDestination(Sentence sentence, Slot slot) =>
        slot.First > 0 && sentence.Cues.Set("destination-prepositions").Contains(sentence.Tokens[slot.First - 1].Lower);

    /// <summary>The first group named within a few words after "against" in the region, unless it is the subject.</summary>
    private static List<ActorMention>? Opposed(Sentence sentence, int from, int to, List<ActorMention> subject)
    {
        var opposing = sentence.Cues.Set("opposing-prepositions");
        for (var k = from; k < to && opposing.Count > 0; k++)
        {
            if (!opposing.Contains(sentence.Tokens[k].Lower)) continue;
            // "against four officers in the Russian military": what follows the opposing word is whom, even after "in".
            for (var j = k + 1; j < Math.Min(to, k + 8); j++)
            {
                if (sentence.InActor[j] < 0) continue;
                var slot = sentence.Slots[sentence.InActor[j]];
                if (AllIn(slot.Mentions, subject)) break;
                return Group(sentence, sentence.InActor[j], to, isObject: true);
            }
        }

        return null;
    }

    /// <summary>Whether every mention is one of the group's, same country and sector.</summary>
    private static bool AllIn(List<ActorMention> mentions, List<ActorMention> group)
    {
        foreach (var m in mentions)
        {
            var found = false;
            foreach (var s in group) found |= s.Code == m.Code && s.Sector == m.Sector;
            if (!found) return false;
        }

        return true;
    }

    /// <summary>Whether every mention's country or organisation is among the group's.</summary>
    private static bool AllCodesIn(List<ActorMention> mentions, List<ActorMention> group)
    {
        foreach (var m in mentions)
        {
            if (!EventPairs.HasCode(group, m.Code)) return false;
        }

        return true;
    }

    /// <summary>Whether the region names an actor other than the subject's own.</summary>
    public static bool HasOther(Sentence sentence, int from, int to, List<ActorMention> subject)
    {
        for (var k = from; k < to; k++)
        {
            if (sentence.InActor[k] < 0) continue;
            var slot = sentence.Slots[sentence.InActor[k]];
            k = slot.End - 1;
            if (IsPlace(sentence, slot)) continue;
            if (!AllCodesIn(slot.Mentions, subject)) return true;
        }

        return false;
    }

    /// <summary>The one country the sentence names, other than the subject's, as a group; null for none or several.</summary>
    public static List<ActorMention>? OnlyCountry(Sentence sentence, List<ActorMention>? subject)
    {
        ActorMention? only = null;
        foreach (var slot in sentence.Slots)
        {
            foreach (var m in slot.Mentions)
            {
                if (m.Code == CodedEvents.UnknownCode || m.Cameo is not null || EventPairs.HasCode(subject, m.Code)) continue;
                if (only is not null && only.Code != m.Code) return null;
                only ??= m with { Sector = null };
            }
        }

        return only is null ? null : [only];
    }

    /// <summary>The one country the sentence names as a place ("in Athens", "in the Gaza Strip"), or null for none or several.</summary>
    public static string? PlaceCountry(Sentence sentence) => Place(sentence)?.Code;

    /// <summary>The first mention of the one country the sentence names as a place, as a country; null for none or several.</summary>
    public static ActorMention? Place(Sentence sentence)
    {
        ActorMention? place = null;
        foreach (var slot in sentence.Slots)
        {
            if (!IsPlace(sentence, slot) || slot.Mentions.Count != 1 || slot.Mentions[0].Code == CodedEvents.UnknownCode || slot.Mentions[0].Cameo is not null) continue;
            if (place is not null && place.Code != slot.Mentions[0].Code) return null;
            place ??= slot.Mentions[0] with { Sector = null, IsPlace = false };
        }

        return place;
    }

    /// <summary>"in Beijing", "near the Polish border", a town: where it happened, not who took part.</summary>
    public static bool IsPlace(Sentence sentence, Slot slot)
    {
        if (slot.Mentions.TrueForAll(m => m.IsPlace)) return true;
        var w = sentence.Tokens;
        var places = sentence.Cues.LocationPrepositions;
        if (AfterPlaceNoun(sentence, slot.First)) return true;
        return slot.First > 0 && (places.Contains(w[slot.First - 1].Lower)
            || (slot.First > 1 && w[slot.First - 1].Lower == "the" && places.Contains(w[slot.First - 2].Lower)));
    }

    /// <summary>
    /// "las provincias del Ecuador", "مدن العراق": a country after a noun of places (<c>place-nouns</c>), or after such a
    /// noun and one name, is where, not who.
    /// </summary>
    private static bool AfterPlaceNoun(Sentence sentence, int first)
    {
        var nouns = sentence.Cues.Set("place-nouns");
        if (nouns.Count == 0 || first == 0) return false;
        var k = first - 1;
        if (k > 0 && sentence.Cues.RoleConnectors.Contains(sentence.Tokens[k].Lower)) k--;
        if (IsPlaceNoun(sentence, k, nouns)) return true;

        // "مدينة بون الألمانية": the demonym of a town the gazetteer does not know.
        return k > 0 && sentence.InActor[k] < 0 && !sentence.StartsTrigger(k) && IsPlaceNoun(sentence, k - 1, nouns);
    }

    private static bool IsPlaceNoun(Sentence sentence, int k, HashSet<string> nouns) =>
        sentence.InActor[k] < 0 && sentence.ShapeIn(k, nouns);

    /// <summary>A slot and the slots joined to it by "and", "or" or commas ("Arnor, Calenardhon and the evil Gondor").</summary>
    private static List<ActorMention> Group(Sentence sentence, int first, int limit, bool isObject = false)
    {
        var slots = sentence.Slots;
        var group = new List<ActorMention>(slots[first].Mentions);
        var s = first;
        while (s + 1 < slots.Count && slots[s + 1].End <= limit && Joined(sentence, slots[s], slots[s + 1]))
        {
            // "Gondor attacked Mordor and Rohan condemned it": Rohan starts a clause of its own.
            if (isObject && sentence.StartsTrigger(slots[s + 1].End)) break;
            s++;
            group.AddRange(slots[s].Mentions);
        }

        return group;
    }

    /// <summary>"In Beijing, Chinese police …": a comma alone joins no place to an actor that is not one.</summary>
    private static bool Joined(Sentence sentence, Slot a, Slot b)
    {
        if (!IsConjunctGap(sentence, a.End, b.First)) return false;
        for (var k = a.End; k < b.First; k++)
        {
            if (sentence.Cues.Conjunctions.Contains(sentence.Tokens[k].Lower)) return true;
        }

        return IsPlace(sentence, a) == IsPlace(sentence, b);
    }

    /// <summary>Between two actors only a conjunction, commas, articles and at most two adjectives ("and the evil awful").</summary>
    private static bool IsConjunctGap(Sentence sentence, int from, int to)
    {
        var w = sentence.Tokens;
        if (from > 0 && to < w.Count && to == from)
        {
            var gap = sentence.Gap(from - 1, from).Trim();
            return (gap.Length == 1 && gap[0] is ',' or '-' or '–' or '/') || (gap.Length == 0 && sentence.Language.Actors.NamedAfterConjunction(w[to].Lower));
        }

        var conjunction = false;
        var others = 0;
        for (var k = from; k < to; k++)
        {
            var word = w[k].Lower;
            if (sentence.Cues.Conjunctions.Contains(word)) conjunction = true;
            else if (word is "the" or "both") continue;
            else if (++others > 2 || w[k].Capitalized) return false;
        }

        // "Arnor, Calenardhon and Gondor": a comma counts when a conjunction follows in the list.
        if (!conjunction && from > 0) conjunction = sentence.CommaBefore(from) && others == 0;
        return conjunction;
    }
}
