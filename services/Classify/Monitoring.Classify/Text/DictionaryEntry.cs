namespace Monitoring.Classify.Text;

/// <summary>
/// What a phrase in the compiled matcher stands for: a topic rule or an actor. Sharing one base type lets every
/// dictionary go into one matcher, so an article's tokens are walked once for topics and actors together.
/// </summary>
public abstract record DictionaryEntry;
