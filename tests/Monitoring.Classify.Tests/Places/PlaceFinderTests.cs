using Monitoring.Classify.Places;

namespace Monitoring.Classify.Tests.Places;

/// <summary>
/// The finder extends a run of words only while some name starts with it (<see cref="PlaceGazetteer.StartsName"/>):
/// the same names found as by trying every length up to the longest name, multi-word names and their particles included.
/// </summary>
public sealed class PlaceFinderTests
{
    private static PlaceGazetteer Gazetteer => Classifiers.Places.Gazetteer;

    [Fact]
    public void A_name_is_started_by_each_of_its_leading_words_and_by_nothing_longer()
    {
        Assert.True(Gazetteer.StartsName("sierra"));
        Assert.True(Gazetteer.StartsName("sierra leone"));
        Assert.True(Gazetteer.StartsName("rio de"));
        Assert.True(Gazetteer.StartsName("rio de janeiro"));
        Assert.False(Gazetteer.StartsName("sierra leone hosted"));
        Assert.False(Gazetteer.StartsName("sierr"), "a prefix ends at a word boundary");
        Assert.False(Gazetteer.StartsName(new string('x', Gazetteer.LongestKey + 1)));
    }

    [Fact]
    public void Places_inside_long_runs_of_words_are_found_whole_as_before()
    {
        const string text = "Freetown, the capital of Sierra Leone, hosted envoys from Rio de Janeiro and from Bosnia and Herzegovina "
            + "on a long visit that lasted the whole week of talks about trade routes and shipping lanes across the Atlantic Ocean "
            + "while New York waited for the United Nations General Assembly Hall Committee Members Of The Board to vote";

        var found = Classifiers.Places.Recognize(Classifiers.Default.Classify(null, text), "en").Select(m => m.Text).ToList();

        Assert.Contains("Freetown", found);
        Assert.Contains("Sierra Leone", found);
        Assert.Contains("Rio de Janeiro", found);
        Assert.Contains("Bosnia and Herzegovina", found);
        Assert.Contains("New York", found);
        Assert.DoesNotContain(found, name => name.StartsWith("Sierra Leone ", StringComparison.Ordinal) || name.StartsWith("Rio de Janeiro ", StringComparison.Ordinal));
    }
}
