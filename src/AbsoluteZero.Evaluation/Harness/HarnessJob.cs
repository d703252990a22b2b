using System.Globalization;
using System.Text;
using AbsoluteZero.Evaluation.Benchmarks.CodeSets;

namespace AbsoluteZero.Evaluation.Harness;

/// <summary>
/// The argument of one harness call, written as a Python dict display: <c>{'mode': 'evalplus', 'inputs': [...], ...}</c>.
/// Values are Python source; strings are ASCII literals (<see cref="PythonLiteral"/>).
/// </summary>
public sealed class HarnessJob
{
    private readonly StringBuilder _source = new("{");

    public HarnessJob(string mode) => Add("mode", mode);

    /// <summary>The Python source of the dict.</summary>
    public string Source => _source.ToString() + "}";

    public HarnessJob Add(string key, string value) => AddSource(key, PythonLiteral.String(value));

    public HarnessJob Add(string key, double value) => AddSource(key, Number(value));

    public HarnessJob Add(string key, bool value) => AddSource(key, value ? "True" : "False");

    public HarnessJob AddNullable(string key, string? value) => AddSource(key, value is null ? "None" : PythonLiteral.String(value));

    public HarnessJob Add(string key, IEnumerable<string> strings) =>
        AddSource(key, "[" + string.Join(", ", strings.Select(PythonLiteral.String)) + "]");

    public HarnessJob Add(string key, IEnumerable<double> numbers) =>
        AddSource(key, "[" + string.Join(", ", numbers.Select(Number)) + "]");

    /// <summary>A value that already is Python source (test inputs, an atol as the data spells it).</summary>
    public HarnessJob AddSource(string key, string pythonSource)
    {
        if (_source.Length > 1)
            _source.Append(", ");
        PythonLiteral.WriteString(_source, key);
        _source.Append(": ").Append(pythonSource);
        return this;
    }

    private static string Number(double value) => double.IsFinite(value)
        ? value.ToString("R", CultureInfo.InvariantCulture)
        : throw new ArgumentOutOfRangeException(nameof(value), value, "harness numbers must be finite");
}
