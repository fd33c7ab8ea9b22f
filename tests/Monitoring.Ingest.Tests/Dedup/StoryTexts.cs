namespace Monitoring.Ingest.Tests.Dedup;

/// <summary>One wire story, its syndicated and rewritten copies, and other stories on the same topic.</summary>
public static class StoryTexts
{
    public const string Original = """
        China and Russia agreed on Tuesday to deepen cooperation between their police forces and security services, after the ninth meeting of the bilateral law-enforcement and security cooperation mechanism in Beijing.
        Wang Xiaohong, China's minister of public security, and Russian Security Council Secretary Sergei Shoigu chaired the talks, which focused on counter-terrorism, drug trafficking and cross-border telecom fraud.
        The two sides signed a memorandum on sharing intelligence about extremist groups operating in Central Asia and pledged to speed up extradition requests between the two countries.
        Wang said the partnership had delivered concrete results over the past year, citing joint operations that dismantled several fraud networks along the border.
        Shoigu said Moscow valued the mechanism as a pillar of the comprehensive strategic partnership and invited Chinese officials to hold the tenth round in Moscow next year.
        """;

    /// <summary>The same story as another outlet runs it: new headline and lede, some words changed, a credit line added.</summary>
    public const string Rewritten = """
        Beijing and Moscow on Tuesday agreed to deepen cooperation between their police forces and security services, following the ninth meeting of the bilateral law-enforcement and security cooperation mechanism in the Chinese capital.
        Wang Xiaohong, China's public security minister, and Russian Security Council Secretary Sergei Shoigu chaired the talks, which focused on counter-terrorism, narcotics trafficking and cross-border telecom fraud.
        The two sides signed a memorandum on sharing intelligence about extremist groups operating in Central Asia and pledged to speed up extradition requests between the two countries.
        Wang said the partnership had delivered concrete results over the past year, pointing to joint operations that dismantled several fraud networks along the border.
        Shoigu said Moscow valued the mechanism as a pillar of the comprehensive strategic partnership and invited Chinese officials to hold the next round in Moscow.
        This story was first published by Xinhua and is republished with permission.
        """;

    /// <summary>A different event on the same topic, with the same people and much of the same vocabulary.</summary>
    public const string SameTopicOtherStory = """
        Russian and Chinese border guards held a joint exercise on Thursday along the Amur River, rehearsing the interception of smugglers and the rescue of stranded fishermen.
        More than three hundred personnel, patrol boats and two helicopters took part in the drill near Blagoveshchensk, according to the regional border directorate of Russia's FSB.
        Officials said the exercise was part of the annual plan agreed by the security services of the two countries and would be repeated in the winter on the frozen river.
        Chinese observers from the Heilongjiang border police praised the coordination between the crews and proposed extending the drills to the Ussuri River next year.
        Analysts said the exercise reflected growing law-enforcement cooperation between Beijing and Moscow, which has expanded since the two countries declared a partnership without limits.
        """;

    public const string UnrelatedStory = """
        Heavy rain flooded parts of the Brazilian state of Rio Grande do Sul on Monday, forcing thousands of residents from their homes and cutting power to several towns.
        The state governor declared an emergency and asked the federal government for helicopters to reach communities isolated by landslides.
        Meteorologists warned that more storms were expected later in the week as a cold front moved north from Argentina.
        """;
}
