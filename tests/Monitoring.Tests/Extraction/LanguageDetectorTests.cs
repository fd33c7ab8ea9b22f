using Monitoring.Ingest.Extraction;

namespace Monitoring.Tests.Extraction;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("en", "The ministers said that the talks with the delegation were held in a constructive spirit.")]
    [InlineData("fr", "Les ministres ont déclaré que les discussions avec la délégation se sont tenues dans un esprit constructif.")]
    [InlineData("de", "Die Minister sagten, dass die Gespräche mit der Delegation in einem konstruktiven Geist geführt wurden und nicht einfach waren.")]
    [InlineData("es", "Los ministros dijeron que las conversaciones con la delegación se celebraron en un espíritu constructivo para el país.")]
    [InlineData("ru", "Министры заявили, что переговоры с делегацией прошли в конструктивном духе.")]
    [InlineData("zh", "部长们表示，与代表团的会谈是在建设性的气氛中举行的。")]
    [InlineData("ar", "قال الوزراء إن المحادثات مع الوفد جرت في أجواء بناءة.")]
    public void Detects_the_language_of_a_news_sentence(string expected, string text) =>
        Assert.Equal(expected, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("")]
    [InlineData("12345 -- 678")]
    public void Text_without_words_is_undetermined(string text) =>
        Assert.Equal(LanguageDetector.Undetermined, LanguageDetector.Detect(text));
}
