using AbsoluteZero.Evaluation.Benchmarks.CodeSets;

namespace AbsoluteZero.Evaluation.Tests.Code;

/// <summary>Each row of the conversion table in mbpp-plus/SOURCE.md, on one input (the list of call arguments).</summary>
public sealed class MbppPlusInputConversionTests
{
    [Theory]
    // every argument (a list) becomes a tuple
    [InlineData(2, "[[3, 4, 5], [5, 7]]", "[(3, 4, 5), (5, 7)]")]
    [InlineData(809, "[[1], []]", "[(1,), ()]")]
    // every argument is a list of lists: each inner list becomes a tuple
    [InlineData(63, "[[[3, 5], [1, 7]]]", "[[(3, 5), (1, 7)]]")]
    [InlineData(780, "[[[1, 2], [3]], [[4]]]", "[[(1, 2), (3,)], [(4,)]]")]
    // first argument: each inner list becomes a tuple; second unchanged
    [InlineData(75, "[[[6, 24], [7, 9]], 6]", "[[(6, 24), (7, 9)], 6]")]
    // second argument becomes a tuple
    [InlineData(106, "[[5, 6], [9, 10]]", "[[5, 6], (9, 10)]")]
    [InlineData(750, "[[], [\"a\"]]", "[[], ('a',)]")]
    // first argument: non-empty lists become sets, empty ones {} (a dict)
    [InlineData(115, "[[[1, 2, 2], [], [\"x\"]]]", "[[{1, 2, 2}, {}, {'x'}]]")]
    // (float(a), complex(b))
    [InlineData(124, "[3, \"(1+2j)\"]", "(float(3), complex('(1+2j)'))")]
    // first argument becomes a tuple; second unchanged
    [InlineData(250, "[[10, 8, 5], 4]", "[(10, 8, 5), 4]")]
    [InlineData(808, "[[10, 4], [1, 2]]", "[(10, 4), [1, 2]]")]
    // inner lists become tuples, then each argument a tuple
    [InlineData(259, "[[[1, 3], [4, 5]], [[6, 7]]]", "[((1, 3), (4, 5)), ((6, 7),)]")]
    // first argument: list items become tuples, then it becomes a tuple
    [InlineData(278, "[[1, 5, [4, 6], 10]]", "[(1, 5, (4, 6), 10)]")]
    // first argument becomes a tuple; the other two unchanged
    [InlineData(307, "[[\"HELLO\", 5, [], true], 2, 50]", "[('HELLO', 5, [], True), 2, 50]")]
    // first argument is a dict: each value becomes a tuple
    [InlineData(722, "[{\"Cierra\": [6.2, 70], \"Al\": [5.9, 65]}, 6.0, 70]", "[{'Cierra': (6.2, 70), 'Al': (5.9, 65)}, 6.0, 70]")]
    // the argument, a string, becomes complex(...)
    [InlineData(252, "[\"1+2j\"]", "[complex('1+2j')]")]
    // every list at any depth becomes a tuple
    [InlineData(580, "[[4, 5, [7, 6, [2, 4]], 6, 8], \"x\"]", "((4, 5, (7, 6, (2, 4)), 6, 8), 'x')")]
    [InlineData(791, "[[]]", "((),)")]
    // a task without a rule keeps its JSON values
    [InlineData(3, "[[1, 2], Infinity]", "[[1, 2], float('inf')]")]
    public void Converts_one_input_as_evalplus_does(int task, string input, string python)
    {
        Assert.Equal(python, MbppPlusInputConversion.Convert(task, PyJson.Parse(input)).ToPython());
    }

    [Theory]
    [InlineData(2, "[[1, 2], 3]", "a value converted to a tuple must be a list, found 3")]
    [InlineData(106, "[[1, 2]]", "the input has 1 arguments, the conversion needs argument 2")]
    [InlineData(722, "[[1, 2]]", "the first argument must be an object, found [1, 2]")]
    [InlineData(63, "[5]", "an argument must be a list, found 5")]
    public void Refuses_a_shape_the_rule_does_not_convert(int task, string input, string message)
    {
        var error = Assert.Throws<FormatException>(() => MbppPlusInputConversion.Convert(task, PyJson.Parse(input)));
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData(115, "[[[1, 2, 2], [], [\"x\"]]]")]
    [InlineData(124, "[\"2.5\", \"1-1j\"]")]
    [InlineData(580, "[[1, [2, Infinity]], {\"k\": [1]}]")]
    [InlineData(722, "[{\"a\": [1.5, 2], \"\\u00e9\": []}, 6.0, 70]")]
    [InlineData(278, "[[1, 5, [4, 6], 10]]")]
    public void The_harness_transport_decodes_to_the_same_python_values_as_the_source(int task, string input)
    {
        var value = MbppPlusInputConversion.Convert(task, PyJson.Parse(input));
        var check = "import json, sys\nsource, transport = sys.stdin.read().split('\\n', 1)\n"
                    + "TAGS = {'\\x00tuple': tuple, '\\x00set': set, '\\x00float': float, '\\x00complex': complex}\n"
                    + "def tagged(o):\n    k = next(iter(o), None)\n    return TAGS[k](o[k]) if len(o) == 1 and k in TAGS else o\n"
                    + "a, b = eval(source), json.loads(transport, object_hook=tagged)\n"
                    + "print(repr(a) == repr(b) and type(a) is type(b))";
        Assert.Equal("True", PyJsonTests.RunPython(check, value.ToPython() + "\n" + value.ToTransport()));
    }

    [Fact]
    public void Converted_inputs_mean_in_python_what_the_rules_say()
    {
        var literal = MbppPlusInputConversion.Convert(115, PyJson.Parse("[[[1, 2, 2], [], [\"x\"]]]")).ToPython()
                      + "\n" + MbppPlusInputConversion.Convert(124, PyJson.Parse("[\"2.5\", \"1-1j\"]")).ToPython()
                      + "\n" + MbppPlusInputConversion.Convert(580, PyJson.Parse("[[1, [2]]]")).ToPython();
        var check = "import sys\na, b, c = [eval(line) for line in sys.stdin.read().splitlines()]\n"
                    + "print(a == [[{1, 2}, {}, {'x'}]] and type(a[0][1]) is dict, b == (2.5, complex(1, -1)), c == ((1, (2,)),))";
        Assert.Equal("True True True", PyJsonTests.RunPython(check, literal));
    }
}
