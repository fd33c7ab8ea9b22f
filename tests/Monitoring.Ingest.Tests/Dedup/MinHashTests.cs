using Monitoring.Ingest.Dedup;

namespace Monitoring.Ingest.Tests.Dedup;

public sealed class MinHashTests
{
    [Fact]
    public void A_rewritten_copy_scores_high_and_other_stories_on_the_topic_score_low()
    {
        var original = MinHash.Compute(StoryTexts.Original)!;

        var copy = MinHash.Similarity(original, MinHash.Compute(StoryTexts.Rewritten)!);
        var sameTopic = MinHash.Similarity(original, MinHash.Compute(StoryTexts.SameTopicOtherStory)!);
        var unrelated = MinHash.Similarity(original, MinHash.Compute(StoryTexts.UnrelatedStory)!);

        Assert.True(copy >= 0.5, $"rewritten copy similarity {copy}");
        Assert.True(sameTopic < 0.15, $"same-topic story similarity {sameTopic}");
        Assert.True(unrelated < 0.05, $"unrelated story similarity {unrelated}");
    }

    [Fact]
    public void Case_punctuation_and_line_breaks_do_not_change_the_signature()
    {
        var a = MinHash.Compute("Talks in Geneva ended; the envoys will meet again in June.")!;
        var b = MinHash.Compute("TALKS IN GENEVA ENDED\nthe envoys will meet again in June")!;

        Assert.Equal(1.0, MinHash.Similarity(a, b));
        Assert.Equal(a, MinHash.FromBytes(MinHash.ToBytes(a)));
    }

    [Fact]
    public void Chinese_text_is_shingled_by_character()
    {
        var original = MinHash.Compute("中俄两国外长在莫斯科举行会谈，同意扩大安全领域合作，共同打击跨国犯罪和恐怖主义。双方还讨论了地区局势。")!;
        var copy = MinHash.Compute("中俄两国外长在莫斯科举行会谈，同意扩大安全领域合作，共同打击跨国犯罪和恐怖主义。")!;
        var other = MinHash.Compute("巴西南部暴雨引发洪水，数千居民被迫撤离家园，多个城镇停电。")!;

        Assert.True(MinHash.Similarity(original, copy) >= 0.5);
        Assert.True(MinHash.Similarity(original, other) < 0.1);
    }

    [Fact]
    public void Text_without_words_has_no_signature() => Assert.Null(MinHash.Compute(" … — "));

    [Fact]
    public void The_lsh_index_finds_the_copy_within_the_window_and_forgets_it_after()
    {
        var index = new LshIndex();
        var at = new DateTimeOffset(2024, 5, 16, 8, 0, 0, TimeSpan.Zero);
        index.Add("a1", "story-1", MinHash.Compute(StoryTexts.Original)!, at);
        index.Add("a2", "story-2", MinHash.Compute(StoryTexts.SameTopicOtherStory)!, at);
        var rewritten = MinHash.Compute(StoryTexts.Rewritten)!;

        var found = index.FindBest(rewritten, at.AddHours(-72), threshold: 0.4);
        var expired = index.FindBest(rewritten, at.AddMinutes(1), threshold: 0.4);
        var none = index.FindBest(MinHash.Compute(StoryTexts.UnrelatedStory)!, at.AddHours(-72), threshold: 0.4);

        Assert.Equal("story-1", found?.StoryId);
        Assert.Null(expired);
        Assert.Null(none);
    }
}
