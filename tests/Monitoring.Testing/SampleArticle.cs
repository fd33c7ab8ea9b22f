namespace Monitoring.Testing;

/// <summary>The scraped CGTN article in <c>seeds/</c>: cookie and copyright boilerplate, doubled, above the story.</summary>
public static class SampleArticle
{
    public static string Path { get; } = RepositoryPaths.Combine("seeds", "000_780a307ae76c99fd.txt");

    public static string Text => File.ReadAllText(Path);

    public const string FirstParagraph =
        "The 9th meeting of the China-Russia law-enforcement and security cooperation mechanism was held in Beijing on Wednesday.";

    public static readonly string[] BoilerplateLines =
    [
        "By continuing to browse our site you agree to our use of cookies, revised Privacy Policy and Terms of Use. You can change your cookie settings through your browser.",
        "SITEMAP",
        "Copyright © 2024 CGTN. 京ICP备20000184号",
        "Disinformation report hotline: 010-85061466",
        "A file photo of Chinese and Russian national flags. /CFP",
    ];
}
