using AbsoluteZero.Core.SelfPlay;

namespace AbsoluteZero.Training.Tests;

public class ProgramStatisticsTests
{
    [Fact]
    public void Lines_depth_and_complexity_of_a_nested_program()
    {
        const string program = """
            def f(items, limit):
                # a comment with if and for in it
                total = 0
                for x in items:          # +1
                    if x > limit and x % 2 == 0 or x < 0:   # +1 + nesting 1, +1 (and), +1 (or)
                        total += x
                    elif x == 0:         # +1
                        continue
                    else:                # +1
                        total -= [y for y in range(x) if y]  # +1 (for), +1 (if)

                return total if total else "if for while"   # +1 (conditional expression)
            """;

        var shape = ProgramStatistics.Measure(program);

        Assert.Equal(11, shape.Lines);
        Assert.Equal(3, shape.Depth);
        Assert.Equal(1 + 2 + 1 + 1 + 1 + 1 + 1 + 1 + 1, shape.Complexity);
    }

    [Fact]
    public void Strings_comments_and_bracketed_continuations_are_not_structure()
    {
        const string program = "def f(a):\n    s = '''\nif x:\n    for y in z:\n'''\n    t = [1,\n            2]\n    return s + \"while\" # if\n";

        var shape = ProgramStatistics.Measure(program);

        Assert.Equal((1, 0), (shape.Depth, shape.Complexity));
        Assert.Equal(8, shape.Lines);
        Assert.Equal(new ProgramShape(2, 1, 0), ProgramStatistics.Measure("def f(a):\n\treturn a"));
    }

    [Fact]
    public void Answer_diversity_is_one_minus_the_share_of_the_answer_among_those_in_the_buffer()
    {
        var diversity = new AnswerDiversity(["1", "1", "2", "3"]);

        Assert.Equal(0.5, diversity.Of("1"));
        Assert.Equal(0.75, diversity.Of("2"));
        Assert.Equal(1.0, diversity.Of("never seen"));
        Assert.Equal((0.5 + 1.0) / 2, diversity.MeanOf(["1", "4"]));
        Assert.Equal(1.0, new AnswerDiversity([]).Of("1"));
    }
}
