using Monitoring.Contracts;

namespace Monitoring.Classify.Coding;

/// <summary>
/// Stage 5d, what the words around a protest say it is, for languages coded by their trigger lexicon:
/// <list type="bullet">
/// <item>a protest ended ("puso fin a la huelga", "فك الإضراب") is dissent eased, a concession (082, as the CAMEO
/// dictionary codes "halted the strike");</item>
/// <item>a protest threatened or intended ("amenaza de huelga", "amenazó con un paro", "la intención de un paro")
/// is the threat of it (133), not a protest;</item>
/// <item>a protest voiced by a government, army or court ("el gobierno protestó contra") is an official complaint (114);</item>
/// <item>"en protesta por", "احتجاجا على" after a protest already coded says why it was held: no second event.</item>
/// </list>
/// The words are data: <c>protest-enders</c>, <c>protest-intents</c>, <c>time-words</c>, <c>threat-links</c>, <c>official-sectors</c> in <c>cues-LANG.txt</c>.
/// </summary>
internal static class ProtestRefiner
{
    private const int Reach = 4;

    public static void Refine(Sentence sentence, List<CodedEvent> events, int from, CameoCodebook codebook)
    {
        if (sentence.Language.HasVerbDictionary || from >= events.Count) return;
        var enders = sentence.Cues.Set("protest-enders");
        var links = sentence.Cues.Set("threat-links");
        for (var i = from; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Root != "14") continue;
            var first = TokenAt(sentence, e.TriggerStart);
            if (first < 0) continue;

            // "marcharán … en protesta por", "أضربوا احتجاجا على": the purpose of the protest just coded, not another.
            if (IsPurpose(sentence, first) && events.FindIndex(from, o => o.Root is "14" or "13" && o.TriggerEnd <= e.TriggerStart) is >= 0 and var earlier && earlier < i)
            {
                // "تظاهروا في أثينا احتجاجا على الاتحاد الأوروبي": what it is against is the target of the protest it explains.
                if (AgainstWhom(sentence, events[earlier], e) is { } against) events[earlier] = events[earlier] with { Target = against };
                events.RemoveAt(i--);
                continue;
            }

            string? code = null;
            if (Before(sentence, first, enders) || EndedAfter(sentence, first, enders)) code = "082";
            else if (Before(sentence, first, sentence.Cues.Set("protest-intents"))) code = "133";
            else if (ThreatBefore(sentence, events, from, first, links) is { } threat)
            {
                // The threat's own event says it; the protest was not held.
                if (events[threat].Cameo is "130") events[threat] = Recode(events[threat], codebook.Find("133"));
                events.RemoveAt(i--);
                continue;
            }
            else if (e.Cameo == "140" && (e.Source.Sector is { } sector && sentence.Cues.Set("official-sectors").Contains(sector) || LodgedWith(sentence, first, e.Target))) code = "114";

            if (code is not null && codebook.Find(code) is { } meaning) events[i] = Recode(e, meaning);
        }
    }

    /// <summary>The purpose's named target, where the protest it explains names none or only the place it is held in.</summary>
    private static EventActor? AgainstWhom(Sentence sentence, CodedEvent protest, CodedEvent purpose)
    {
        var target = protest.Target;
        var unnamed = (target.Code == CodedEvents.UnknownCode && target.Cameo is null) || target.Text.Length == 0 || target.Code == ActorGroups.PlaceCountry(sentence);
        var named = purpose.Target.Text.Length > 0 && (purpose.Target.Code != CodedEvents.UnknownCode || purpose.Target.Cameo is not null);
        return unnamed && named && purpose.Target.Code != protest.Source.Code && purpose.Target.Code != ActorGroups.PlaceCountry(sentence) ? purpose.Target : null;
    }

    /// <summary>
    /// "una protesta ante el gobierno español": a complaint (<c>complaint-nouns</c>) lodged with (<c>complaint-prepositions</c>)
    /// a government or a country right after is an official complaint; "una manifestación ante …" is held in the street.
    /// </summary>
    private static bool LodgedWith(Sentence sentence, int first, EventActor target)
    {
        var cues = sentence.Cues;
        if (first + 2 >= sentence.Tokens.Count || !sentence.ShapeIn(first, cues.Set("complaint-nouns")) || !sentence.ShapeIn(first + 1, cues.Set("complaint-prepositions"))) return false;
        if (target.Text.Length == 0 || !(target.Sector is "GOV" || (target.Sector is null && sentence.Language.Countries.Contains(target.Code)))) return false;
        var at = TokenAt(sentence, target.Start);
        return at == first + 2 || (at == first + 3 && sentence.ShapeIn(first + 2, cues.ObjectLeaders));
    }

    /// <summary>"en protesta", "احتجاجا": a protest word that says why something is done (<c>purpose-leaders</c>, <c>purpose-forms</c>).</summary>
    private static bool IsPurpose(Sentence sentence, int first)
    {
        var w = sentence.Tokens;
        var shapes = sentence.Language.Shapes;
        return sentence.Cues.Set("purpose-forms").Contains(shapes.Normalize(w[first].Lower))
            || (first > 0 && sentence.Cues.Set("purpose-leaders").Contains(shapes.Normalize(w[first - 1].Lower)));
    }

    private static CodedEvent Recode(CodedEvent e, CameoCode? meaning) =>
        meaning is null ? e : e with { Cameo = meaning.Code, Root = meaning.Root, QuadClass = meaning.QuadClass, Goldstein = meaning.Goldstein };

    /// <summary>
    /// An ending word or two-word phrase ("puso fin", written puso_fin) before the protest with only articles, prepositions, numbers and
    /// time words between ("pusieron fin el lunes a la huelga", "puso fin a 24 días de huelga", "إنهاء الإضراب").
    /// </summary>
    private static bool Before(Sentence sentence, int first, HashSet<string> words)
    {
        if (words.Count == 0) return false;
        var w = sentence.Tokens;
        var shapes = sentence.Language.Shapes;
        var between = sentence.Cues.Set("time-words");
        for (var k = first - 1; k >= Math.Max(0, first - Reach - 2); k--)
        {
            if (sentence.ShapeIn(k, words)) return true;
            if (k > 0 && words.Contains(shapes.Normalize(w[k - 1].Lower) + " " + shapes.Normalize(w[k].Lower))) return true;
            var word = shapes.Normalize(w[k].Lower);
            if (!sentence.Cues.ObjectLeaders.Contains(word) && !between.Contains(word) && !char.IsDigit(word[0])) return false;
        }

        return false;
    }

    /// <summary>"la huelga de los mineros concluyó": an ending verb right after the protest and who held it.</summary>
    private static bool EndedAfter(Sentence sentence, int first, HashSet<string> words)
    {
        var w = sentence.Tokens;
        var shapes = sentence.Language.Shapes;
        for (var k = first + 1; k < Math.Min(w.Count, first + Reach + 2); k++)
        {
            if (sentence.InActor[k] >= 0 || sentence.Cues.ObjectLeaders.Contains(shapes.Normalize(w[k].Lower))) continue;
            return sentence.ShapeIn(k, words);
        }

        return false;
    }

    /// <summary>The index of a threat event whose trigger ends a few words before the protest, joined to it by "de"/"con".</summary>
    private static int? ThreatBefore(Sentence sentence, List<CodedEvent> events, int from, int first, HashSet<string> links)
    {
        if (links.Count == 0) return null;
        var w = sentence.Tokens;
        for (var t = from; t < events.Count; t++)
        {
            if (events[t].Root != "13") continue;
            var end = TokenAt(sentence, events[t].TriggerEnd - 1) + 1;
            if (end <= 0 || end > first || first - end > Reach) continue;
            for (var k = end; k < first; k++)
            {
                if (links.Contains(sentence.Language.Shapes.Normalize(w[k].Lower))) return t;
                if (sentence.InActor[k] >= 0) break;
            }
        }

        return null;
    }

    /// <summary>The index of the sentence's token at text offset <paramref name="offset"/>, or -1.</summary>
    internal static int TokenAt(Sentence sentence, int offset)
    {
        var w = sentence.Tokens;
        for (var k = 0; k < w.Count; k++)
        {
            if (w[k].Start <= offset && offset < w[k].End) return k;
        }

        return -1;
    }
}
