using Monitoring.Ingest.Extraction;

namespace Monitoring.Ingest.Tests.Extraction;

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
    [InlineData("en", "Moscow and Beijing agreed on Wednesday to expand cooperation between their security services. Сергей Шойгу and 陈文清 co-chaired the meeting, which was held in the Chinese capital and followed talks in Vladivostok last year.")]
    [InlineData("ru", "Секретарь Совета безопасности Сергей Шойгу провёл переговоры в Пекине. Стороны обсудили сотрудничество в борьбе с терроризмом и транснациональной преступностью, а также в сфере кибербезопасности (Belt and Road, SCO).")]
    [InlineData("zh", "中俄执法安全合作机制第九次会议在北京举行。双方同意深化在反恐、网络安全和打击跨国犯罪领域的合作，新华社报道称会议取得了积极成果。")]
    [InlineData("ja", "ロシアと中国の治安当局者は北京で会談し、テロ対策やサイバー安全保障での協力拡大で合意した。")]
    [InlineData("uk", "Міністр закордонних справ України заявив, що переговори з делегацією відбулися в конструктивному дусі та їхні результати будуть оприлюднені.")]
    [InlineData("fa", "وزیر امور خارجه ایران گفت که گفتگوها با هیئت چینی در فضایی سازنده برگزار شد و پیشرفت‌هایی داشت.")]
    [InlineData("fr", "Le ministre de l'Intérieur a annoncé mardi que la coopération avec les services de sécurité des pays voisins serait renforcée dans la lutte contre le terrorisme.")]
    [InlineData("de", "Der Innenminister kündigte am Dienstag an, die Zusammenarbeit mit den Sicherheitsbehörden der Nachbarländer im Kampf gegen den Terrorismus zu verstärken.")]
    [InlineData("es", "El ministro del Interior anunció el martes que la cooperación con los servicios de seguridad de los países vecinos se reforzará en la lucha contra el terrorismo.")]
    [InlineData("ar", "أعلن وزير الداخلية يوم الثلاثاء أن التعاون مع الأجهزة الأمنية في الدول المجاورة سيتعزز في مكافحة الإرهاب والجريمة المنظمة.")]
    [InlineData("nl", "De minister van Binnenlandse Zaken heeft dinsdag aangekondigd dat de samenwerking met de veiligheidsdiensten van de buurlanden wordt versterkt.")]
    public void A_paragraph_with_foreign_names_is_still_in_its_own_language(string expected, string text) =>
        Assert.Equal(expected, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("")]
    [InlineData("12345 -- 678")]
    public void Text_without_words_is_undetermined(string text) =>
        Assert.Equal(LanguageDetector.Undetermined, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("fr", "de la")] // French and Spanish both have both words: the language listed first wins a tie
    [InlineData("en", "THE report, and (the) reply")] // function words in any case, between any separators
    [InlineData("und", "the")] // one function word is not enough
    [InlineData("en", "Theandofthetoin the and")] // a run longer than any function word is none of them
    public void Latin_script_goes_to_the_language_with_the_most_function_words(string expected, string text) =>
        Assert.Equal(expected, LanguageDetector.Detect(text));
}
