namespace AbsoluteZero.Web.Training;

/// <summary>
/// The last lines a child wrote, bounded in lines and characters, so a crash's error text can be recorded without
/// holding everything a long run ever printed.
/// </summary>
public sealed class OutputTail(int maxLines = 40, int maxChars = 4000)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();
    private int _chars;

    public void Add(string line)
    {
        lock (_gate)
        {
            var kept = line.Length > maxChars ? line[^maxChars..] : line;
            _lines.Enqueue(kept);
            _chars += kept.Length;
            while (_lines.Count > maxLines || (_chars > maxChars && _lines.Count > 1))
                _chars -= _lines.Dequeue().Length;
        }
    }

    public override string ToString()
    {
        lock (_gate)
            return string.Join('\n', _lines);
    }
}
