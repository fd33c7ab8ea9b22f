using Monitoring.Contracts;

namespace Monitoring.Classify.Coding;

/// <summary>
/// Stage 4b: what the clause says about the event makes its code specific — the domain of a cooperation (judicial,
/// intelligence, military, economic), the kind of aid, intent ("will", "is ready to", "agreed to"), the threatened act.
/// </summary>
internal static class CodeRefiner
{
    public static string Refine(Sentence sentence, string code, int from, int to, bool intent)
    {
        var domain = Lookup(sentence, sentence.Cues.CooperationDomains, from, to);
        var root = CameoRoot.Of(code);

        // "announced a suspension of aid", "a halt to military aid": aid stopped is aid reduced (162), not given.
        if ((root is "06" or "07" || code.StartsWith("033", StringComparison.Ordinal)) && StoppedAid(sentence, from, to)) return intent ? Threat("162") : "162";

        // "provided Ukraine with military aid": giving aid is aid (07x), whatever the verb's general cooperation code.
        if (root is "06" && Aid(sentence, from, to) is { } aid) return intent ? (aid == '0' ? "033" : "033" + aid) : "07" + aid;
        if (code is "030" or "031" or "032" or "050" or "060" or "061" or "062" or "063" or "064" && domain is not null)
        {
            return intent || code.StartsWith("03", StringComparison.Ordinal) ? "031" + domain : "06" + domain;
        }

        if (!intent) return code;
        return root switch
        {
            "04" => "036",
            "05" => "032",
            "06" => code.Length > 2 && code[2] is >= '1' and <= '4' ? "031" + code[2] : "031",
            "07" => code.Length > 2 && code[2] is >= '1' and <= '4' ? "033" + code[2] : "033",

            // "agreed to lift the blockade": intent to yield, 0351–0356 as the yielding is specific.
            "08" => code.Length > 2 && code[2] is >= '1' and <= '7' && code[2] != '3' ? "035" + (code[2] == '4' ? '3' : code[2] > '4' ? (char)(code[2] - 1) : code[2]) : "035",

            // "will protest on Thursday", "wants to attack": a conflict announced, not carried out, is a threat of it.
            "14" or "16" or "17" or "18" or "19" or "20" => Threat(code),
            _ => code,
        };
    }

    /// <summary>
    /// Who acts changes what an obstruction is: armed men blocking a road impose a blockade (191), protesters obstruct
    /// (144); and what a bombing is: the military's is aerial (195).
    /// </summary>
    public static string ForActors(Sentence sentence, Trigger verb, string code, List<ActorMention>? sources)
    {
        if (sources is null) return code;
        if (code.StartsWith("144", StringComparison.Ordinal)) return sources.Exists(s => s.Sector is "REB" or "MIL" or "UAF" or "COP" or "SPY") ? "191" : code;

        // "the army bombed …": armed forces bombing do it from the air or with artillery (195), not with the planted
        // bombs of 183; a car bomb or an explosion stays 183 whoever is named beside it.
        if (code == "183" && !verb.IsNoun && sentence.Cues.Set("bombing-verbs").Contains(sentence.Tokens[verb.First].Lower))
        {
            return sources.Exists(s => s.Sector is "MIL") ? "195" : code;
        }

        // Protesters clashing or fighting riot (145).
        return code is "190" or "193" or "180" or "171" or "1711" or "1712" && sources.Count > 0 && sources.TrueForAll(s => s.Sector == "OPP") ? "145" : code;
    }

    /// <summary>
    /// What not doing a cooperative act says: not supporting, not providing material help is rejecting it (121, 122),
    /// not yielding (lifting a ban, releasing) refusing to yield (124), not praising or agreeing 120. A conflict not
    /// carried out ("did not attack") is no event: null.
    /// </summary>
    public static string? Rejection(string code) => CameoRoot.Of(code) switch
    {
        "03" or "05" => "120",
        "06" => "121",
        "07" => "122",
        "08" => "124",
        _ => null,
    };

    /// <summary>The threat of an action: force (18–20) is 138, repression (17) 137, sanctions and cuts (16) 131, protest (14–15) 133.</summary>
    public static string Threat(string threatened) => CameoRoot.Of(threatened) switch
    {
        "18" or "19" or "20" => "138",
        "17" => "137",
        "16" => "131",
        "14" or "15" => "133",
        _ => "130",
    };

    /// <summary>The kind of aid the clause names: economic 1, military 2, humanitarian 3, other 0; null when it names none.</summary>
    private static char? Aid(Sentence sentence, int from, int to)
    {
        var w = sentence.Tokens;
        for (var k = from; k < to && k < w.Count; k++)
        {
            if (!sentence.Cues.AidWords.Contains(w[k].Lower)) continue;
            // "judicial assistance", "legal assistance": cooperation in that domain (063), not aid given.
            if (k > from && sentence.Cues.CooperationDomains.ContainsKey(w[k - 1].Lower)) return null;
            return k > from && sentence.Cues.AidKinds.TryGetValue(w[k - 1].Lower, out var kind) ? kind[0] : '0';
        }

        return null;
    }

    /// <summary>An aid word with a word of stopping before it, only aid kinds and "of", "to", "in", "on" between ("a suspension of military aid").</summary>
    private static bool StoppedAid(Sentence sentence, int from, int to)
    {
        var stops = sentence.Cues.Set("aid-stoppers");
        if (stops.Count == 0) return false;
        var w = sentence.Tokens;
        // From the trigger's last word: an event noun ("a halt to aid") ends right before its clause.
        for (var k = Math.Max(0, from - 1); k < to && k < w.Count; k++)
        {
            if (!sentence.Cues.AidWords.Contains(w[k].Lower)) continue;
            for (var j = k - 1; j >= 0; j--)
            {
                var word = w[j].Lower;
                if (stops.Contains(word)) return true;
                if (word is not ("of" or "to" or "in" or "on") && !sentence.Cues.AidKinds.ContainsKey(word)) break;
            }
        }

        return false;
    }

    /// <summary>The domain the clause names: intelligence wins, then the first of judicial, military, economic (a '3' overrides).</summary>
    private static char? Lookup(Sentence sentence, Dictionary<string, string> domains, int from, int to)
    {
        var w = sentence.Tokens;
        char? domain = null;
        for (var k = from; k < to && k < w.Count; k++)
        {
            var word = w[k].Lower;
            if (word.StartsWith("intelligence", StringComparison.Ordinal)) return '4';
            if (!domains.TryGetValue(word, out var value)) continue;
            if (value == "4") return '4';
            if (value == "3" || domain is null) domain = value[0];
        }

        return domain;
    }

    /// <summary>
    /// In a sentence that reports a protest, its clashes are the protest turning violent ("protesters clashed with
    /// police", "مواجهات"): 145, not a fight between armed parties.
    /// </summary>
    public static void ProtestContext(Sentence sentence, List<CodedEvent> events, int from, CameoCodebook codebook)
    {
        // Only a fight (19x) is recoded: without one there is nothing to look for (and the protest nouns need not be read).
        var fight = false;
        for (var i = from; i < events.Count && !fight; i++) fight = events[i].Root == "19";
        if (!fight) return;
        var protest = false;
        for (var i = from; i < events.Count && !protest; i++) protest = events[i].Root == "14";
        if (!protest && !NamesProtesters(sentence)) return;
        var clashes = sentence.Cues.MutualWords;
        for (var i = from; i < events.Count; i++)
        {
            var e = events[i];
            // Any word of the trigger: Spanish puts the reflexive first ("se enfrentaron").
            if (e.Root != "19" || !AnyWordIn(sentence.Language.Shapes, e.Trigger, clashes)) continue;
            if (codebook.Find("145") is { } riot) events[i] = e with { Cameo = riot.Code, Root = riot.Root, QuadClass = riot.QuadClass, Goldstein = riot.Goldstein };
        }
    }

    // A loop, not a lambda: a lambda capturing the method's parameters was allocated on every call, for every sentence.
    private static bool AnyWordIn(WordShapes shapes, string trigger, HashSet<string> words)
    {
        foreach (var word in trigger.ToLowerInvariant().Split(' '))
        {
            if (shapes.Candidates(word).AnyIn(words)) return true;
        }

        return false;
    }

    /// <summary>A word the lexicon reads as a protest noun ("protesters", "المتظاهرين"): clashes with them are a protest turning violent.</summary>
    public static bool NamesProtesters(Sentence sentence)
    {
        for (var k = 0; k < sentence.Tokens.Count; k++)
        {
            if (sentence.SingleNoun(k, static e => e.Code.StartsWith("14", StringComparison.Ordinal)) is not null) return true;
        }

        return false;
    }
}
