namespace Monitoring.Classify.Text;

/// <summary>A word of the text: its lower-cased form for lookups and where it stands in the original.</summary>
public readonly record struct Token(string Lower, int Start, int Length, bool Capitalized)
{
    public int End => Start + Length;
}
