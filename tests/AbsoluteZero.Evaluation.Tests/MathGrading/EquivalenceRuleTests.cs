using AbsoluteZero.Evaluation.MathGrading;

namespace AbsoluteZero.Evaluation.Tests.MathGrading;

/// <summary>
/// Equivalence rules, one theory per rule, each with equal and unequal pairs (predicted answer, reference as the
/// benchmark stores it, expected verdict). Written from the rules in docs/math-grading.md, in every benchmark's
/// answer style.
/// </summary>
public class EquivalenceRuleTests
{
    private static void Check(string benchmark, string predicted, string reference, bool expected) =>
        Assert.True(MathGrader.IsEquivalent(benchmark, predicted, MathReference.Of(reference)) == expected,
            $"{benchmark}: '{predicted}' vs '{reference}' should be {(expected ? "equal" : "unequal")}");

    [Theory]
    [InlineData("\\dfrac{17}{50}", "\\frac{17}{50}", true)]
    [InlineData("\\tfrac{3}{4}", "\\frac 34", true)]
    [InlineData("\\frac12", "\\frac{1}{2}", true)]
    [InlineData("\\frac9{19}", "\\frac{9}{19}", true)]
    [InlineData("\\frac{270}7", "\\frac{270}{7}", true)]
    [InlineData("\\left( 3, \\frac{\\pi}{2} \\right)", "(3,\\frac{\\pi}{2})", true)]
    [InlineData("10,\\!080", "10080", true)]
    [InlineData("11,\\! 111,\\! 111,\\! 100", "11111111100", true)]
    [InlineData("14{,}916", "14916", true)]
    [InlineData("3\\,\\sqrt{13}", "3\\sqrt{13}", true)]
    [InlineData("\\sqrt2", "\\sqrt{2}", true)]
    [InlineData("\\sqrt 5 + \\sqrt 2", "\\sqrt{2}+\\sqrt{5}", true)]
    [InlineData("\\frac{1}{2}.", "\\frac{1}{2}", true)]
    [InlineData("\\displaystyle \\frac{1}{2}", "\\frac{1}{2}", true)]
    [InlineData("x = \\frac{3}{4}", "\\frac 34", true)]
    [InlineData("\\frac{1}{3}", "\\frac{1}{2}", false)]
    [InlineData("\\frac{2}{1}", "\\frac{1}{2}", false)]
    [InlineData("\\sqrt{3}", "\\sqrt{2}", false)]
    public void Latex_normalisation(string predicted, string reference, bool expected) => Check("math500", predicted, reference, expected);

    [Theory]
    [InlineData("0.5", "\\frac{1}{2}", true)]
    [InlineData(".35625", "\\frac{57}{160}", true)]
    [InlineData("0.0833333333", "\\frac{1}{12}", true)]
    [InlineData("0.333", "\\frac{1}{3}", false)]
    [InlineData("1000.0", "1000", true)]
    [InlineData("-5", "-5", true)]
    [InlineData("5", "-5", false)]
    [InlineData("137 \\frac{1}{2}", "137.5", true)]
    [InlineData("1\\frac{4}{5}", "\\frac{9}{5}", true)]
    [InlineData("2\\frac{1}{3}", "\\frac{2}{3}", false)]
    [InlineData("\\frac{20000}{\\pi}", "6366.2", true)]
    [InlineData("6366", "\\frac{20000}{\\pi}", false)]
    [InlineData("\\frac{355}{113}", "\\pi", false)]
    [InlineData("12000023", "12000024", false)]
    [InlineData("(9+1)", "10", true)]
    [InlineData("2^{10}", "1024", true)]
    [InlineData("5!", "120", true)]
    [InlineData("\\binom{6}{2}", "15", true)]
    public void Numbers_and_fractions(string predicted, string reference, bool expected) => Check("math500", predicted, reference, expected);

    [Theory]
    [InlineData("\\sqrt{117}", "3\\sqrt{13}", true)]
    [InlineData("\\frac{\\sqrt{27}}{4}", "\\frac{3\\sqrt{3}}{4}", true)]
    [InlineData("\\frac{1}{\\sqrt{3}}", "\\frac{\\sqrt{3}}{3}", true)]
    [InlineData("\\sqrt[3]{16}", "2\\sqrt[3]{2}", true)]
    [InlineData("8^{2/3}", "4", true)]
    [InlineData("\\frac{\\sqrt{\\sqrt{11}+\\sqrt{194}}}{15+2\\sqrt{33}}", "\\frac{\\sqrt{\\sqrt{11}+\\sqrt{194}}}{2\\sqrt{33}+15}", true)]
    [InlineData("\\frac{1+\\sqrt{5}}{2}", "2", false)]
    [InlineData("1\\sqrt{19}", "1", false)]
    [InlineData("2\\sqrt{2}", "\\sqrt{6}", false)]
    public void Radicals(string predicted, string reference, bool expected) => Check("olympiadbench", predicted, reference, expected);

    [Theory]
    [InlineData("\\frac{x}{7}+\\frac{2}{7}", "\\frac{x+2}{7}", true)]
    [InlineData("(a+5)(b+2)", "ab+5b+2a+10", true)]
    [InlineData("2(3r^2-2r-12)", "6r^2-4r-24", true)]
    [InlineData("\\sec^2 y", "\\tan^2(y)+1", true)]
    [InlineData("\\frac{\\cos x}{\\sin x}", "\\cot x", true)]
    [InlineData("2\\sin b\\cos a", "2 \\sin b \\cos a", true)]
    [InlineData("\\frac{n(n+1)}{2}", "\\frac{n^2+n}{2}", true)]
    [InlineData("\\frac{1}{4}n(n+1)", "\\frac{n(n+1)}{4}", true)]
    [InlineData("\\log_2 8", "3", true)]
    [InlineData("e^{\\ln 5}", "5", true)]
    [InlineData("\\pi r^2", "r^2\\pi", true)]
    [InlineData("x+2n+1", "x+1", false)]
    [InlineData("\\frac{(2n)!}{(n!)^2}", "\\binom{2n}{n}", true)]
    [InlineData("\\frac{(2n)!}{n!}", "\\binom{2n}{n}", false)]
    [InlineData("\\lfloor\\sqrt{n-1}\\rfloor", "\\left\\lfloor\\sqrt{n-1}\\right\\rfloor", true)]
    [InlineData("\\lfloor\\sqrt{n-2}\\rfloor", "\\lfloor\\sqrt{n-1}\\rfloor", false)]
    [InlineData("mn-\\lceil m/2\\rceil", "m n-\\lfloor m / 2\\rfloor", false)]
    [InlineData("2^{1008}", "2^{1009}", false)]
    [InlineData("\\frac{100!}{2^{50}}", "\\frac{100 !}{2^{50}}", true)]
    [InlineData("q-p", "p-q", false)]
    [InlineData("x^3+3x+6", "x^3+3x-6", false)]
    [InlineData("2n", "2k", false)]
    [InlineData("(+5)(b+2)", "(a+5)(b+2)", false)]
    public void Expressions(string predicted, string reference, bool expected) => Check("math500", predicted, reference, expected);

    [Theory]
    [InlineData("-2+7i", "7i-2", true)]
    [InlineData("1-12i", "1 - 12i", true)]
    [InlineData("1+12i", "1 - 12i", false)]
    [InlineData("1+\\sqrt{3}\\mathrm{i}", "1+\\sqrt{3} i", true)]
    [InlineData("i^2", "-1", true)]
    public void Complex_numbers(string predicted, string reference, bool expected) => Check("minerva-math", predicted, reference, expected);

    [Theory]
    [InlineData("(3, \\frac{\\pi}{2})", "\\left( 3, \\frac{\\pi}{2} \\right)", true)]
    [InlineData("(1,4.5)", "(1,\\frac{9}{2})", true)]
    [InlineData("(2,1)", "(1,2)", false)]
    [InlineData("(6,31,-1)", "(6,31,-1)", true)]
    [InlineData("(6,31)", "(6,31,-1)", false)]
    [InlineData("\\langle 1, 2 \\rangle", "(1,2)", true)]
    [InlineData("(p,q)=(1,2)", "(1,2)", true)]
    [InlineData("1, 2", "(1,2)", true)]
    [InlineData("2, 1", "(1,2)", false)]
    public void Tuples_are_ordered(string predicted, string reference, bool expected) => Check("math500", predicted, reference, expected);

    [Theory]
    [InlineData("(-\\infty, 0]", "(-\\infty, 0]", true)]
    [InlineData("(-\\infty, 0)", "(-\\infty, 0]", false)]
    [InlineData("[0, 1)", "[0,1)", true)]
    [InlineData("(0, 1]", "[0,1)", false)]
    [InlineData("[-2,7]", "x \\in [-2,7]", true)]
    [InlineData("(3,\\infty)\\cup(-\\infty,2)", "(-\\infty, 2) \\cup (3, \\infty)", true)]
    [InlineData("(-\\infty,2]\\cup(3,\\infty)", "(-\\infty, 2) \\cup (3, \\infty)", false)]
    [InlineData("x<2 \\text{ or } x>3", "(-\\infty, 2) \\cup (3, \\infty)", true)]
    [InlineData("(-\\infty,2) U (3,\\infty)", "(-\\infty, 2) \\cup (3, \\infty)", true)]
    [InlineData("(0.6, 2.6667]", "\\left(\\frac{3}{5},\\frac{8}{3}\\right]", true)]
    [InlineData("\\{-1\\}\\cup[0,7)", "x \\in \\{-1\\} \\cup [0,7)", true)]
    [InlineData("\\mathbb{R}", "(-\\infty, \\infty)", true)]
    [InlineData("[2,\\infty)", "k \\geqslant 2", true)]
    [InlineData("(2,\\infty)", "k \\geqslant 2", false)]
    public void Intervals_keep_their_brackets(string predicted, string reference, bool expected) => Check("math500", predicted, reference, expected);

    [Theory]
    [InlineData("7, 5, 3", "3, 5, 7", true)]
    [InlineData("3, 5", "3, 5, 7", false)]
    [InlineData("\\{1, -2\\}", "-2,1", true)]
    [InlineData("1+\\sqrt{19}, 1-\\sqrt{19}", "1 \\pm \\sqrt{19}", true)]
    [InlineData("1+\\sqrt{19}", "1 \\pm \\sqrt{19}", false)]
    [InlineData("-2, 1+\\sqrt5, 1-\\sqrt 5", "\\{1\\pm\\sqrt{5},-2\\}", true)]
    [InlineData("12 \\text{ and } 13", "12, 13", true)]
    [InlineData("\\emptyset", "\\{\\}", true)]
    [InlineData("3,3,5", "3,5,5", false)]
    [InlineData("\\frac{3}{4} \\text{ or } 0.75", "\\frac34", true)]
    [InlineData("2 \\text{ or } -2", "2", false)]
    public void Sets_and_solution_lists_are_unordered(string predicted, string reference, bool expected) => Check("math500", predicted, reference, expected);

    [Theory]
    [InlineData("y = 2x + 3", "y=2x+3", true)]
    [InlineData("y = 3 + 2x", "y = 2x + 3", true)]
    [InlineData("2x+3", "y = 2x + 3", true)]
    [InlineData("y = 2x + 4", "y = 2x + 3", false)]
    [InlineData("2x - y + 3 = 0", "y = 2x + 3", true)]
    [InlineData("-5x+7y-11z-4=0", "5x - 7y + 11z + 4 = 0", true)]
    [InlineData("x^2/16 + y^2/12 = 1/4", "x^2/4 + y^2/3 = 1", true)]
    [InlineData("5", "x=5", true)]
    [InlineData("x=5", "5", true)]
    [InlineData("x = 5+5+1 = 11", "11", true)]
    [InlineData("11a+c", "7 = 11a+c", false)]
    [InlineData("7 = 11a+c", "11a+c", false)]
    [InlineData("m + n = 25", "25", true)]
    [InlineData("m + n = 25", "m+n", false)]
    [InlineData("f(x) = 2x", "f(x)=2 x", true)]
    [InlineData("2x", "f(x)=2 x", true)]
    [InlineData("f(x) = x+2", "f(x)=2 x", false)]
    [InlineData("m_{\\max} = n^2-n-1", "m_{\\max }=n^{2}-n-1", true)]
    [InlineData("n^2-n-1", "m_{\\max }=n^{2}-n-1", true)]
    public void Equations_up_to_sides_and_scaling(string predicted, string reference, bool expected) => Check("olympiadbench", predicted, reference, expected);

    [Theory]
    [InlineData("x \\geq 5", "x >= 5", true)]
    [InlineData("5 \\le x", "x \\ge 5", true)]
    [InlineData("-x > -1", "x < 1", true)]
    [InlineData("x > -1", "x < 1", false)]
    [InlineData("x \\leq 5", "x \\geq 5", false)]
    [InlineData("2x < 6", "x < 3", true)]
    [InlineData("x \\lt 3", "x < 3", true)]
    [InlineData("x \\le 3", "x < 3", false)]
    [InlineData("-1 < x \\le 3", "(-1, 3]", true)]
    public void Inequalities(string predicted, string reference, bool expected) => Check("math500", predicted, reference, expected);

    [Theory]
    [InlineData("\\begin{pmatrix} -1 & 0 \\\\ 0 & -1 \\end{pmatrix}", "\\begin{pmatrix} -1 & 0 \\\\ 0 & -1 \\end{pmatrix}", true)]
    [InlineData("\\begin{bmatrix} -1 & 0 \\\\ 0 & -1 \\end{bmatrix}", "\\begin{pmatrix} -1 & 0 \\\\ 0 & -1 \\end{pmatrix}", true)]
    [InlineData("\\begin{pmatrix} -1 & 0 \\\\ 0 & 1 \\end{pmatrix}", "\\begin{pmatrix} -1 & 0 \\\\ 0 & -1 \\end{pmatrix}", false)]
    [InlineData("\\begin{pmatrix} -\\frac{1}{3} \\\\ \\frac{2}{3} \\\\ \\frac{5}{3} \\end{pmatrix}", "\\begin{pmatrix} -1/3 \\\\ 2/3 \\\\ 5/3 \\end{pmatrix}", true)]
    [InlineData("(-1/3, 2/3, 5/3)", "\\begin{pmatrix} -1/3 \\\\ 2/3 \\\\ 5/3 \\end{pmatrix}", true)]
    [InlineData("\\left[\\begin{array}{cc}1 & 2 \\\\ 3 & 4\\end{array}\\right]", "\\begin{pmatrix}1 & 2 \\\\ 3 & 4\\end{pmatrix}", true)]
    [InlineData("\\begin{pmatrix}1 & 2 \\\\ 3 & 4\\end{pmatrix}", "\\begin{pmatrix}1 & 3 \\\\ 2 & 4\\end{pmatrix}", false)]
    [InlineData("\\begin{pmatrix}1 & 2\\end{pmatrix}", "\\begin{pmatrix}1 \\\\ 2\\end{pmatrix}", false)]
    public void Matrices_cell_by_cell(string predicted, string reference, bool expected) => Check("math500", predicted, reference, expected);

    [Theory]
    [InlineData("50\\%", "0.5", true)]
    [InlineData("50\\%", "50", true)]
    [InlineData("0.5", "50\\%", true)]
    [InlineData("34\\%", "\\frac{17}{50}", true)]
    [InlineData("50", "0.5", false)]
    [InlineData("40\\%", "0.5", false)]
    [InlineData("62.5", "62.5%", true)]
    [InlineData("28 percent", "28\\%", true)]
    public void Percentages_follow_the_qwen_grader(string predicted, string reference, bool expected) => Check("olympiadbench", predicted, reference, expected);

    [Theory]
    [InlineData("90", "90^\\circ", true)]
    [InlineData("90^{\\circ}", "90^\\circ", true)]
    [InlineData("90 degrees", "90^\\circ", true)]
    [InlineData("90°", "90^\\circ", true)]
    [InlineData("\\frac{\\pi}{2}", "90^\\circ", false)]
    [InlineData("45^\\circ", "90^\\circ", false)]
    [InlineData("15", "15\\mbox{ cm}^2", true)]
    [InlineData("864 \\text{ square inches}", "864 \\mbox{ inches}^2", true)]
    [InlineData("5.4 \\text{ cents}", "5.4", true)]
    [InlineData("125 \\textnormal{ miles}", "125", true)]
    [InlineData("\\$18.90", "18.9", true)]
    [InlineData("\\$32,348", "\\$32,\\!348", true)]
    [InlineData("32,349", "\\$32,\\!348", false)]
    [InlineData("\\frac{270}{7}", "\\frac{270}7\\text{ degrees}", true)]
    public void Units_degrees_and_currency_are_dropped(string predicted, string reference, bool expected) => Check("math500", predicted, reference, expected);

    [Theory]
    [InlineData("\\text{Evelyn}", "\\text{Evelyn}", true)]
    [InlineData("Evelyn", "\\text{Evelyn}", true)]
    [InlineData("Navin", "\\text{Evelyn}", false)]
    [InlineData("B", "\\text{(B)}", true)]
    [InlineData("\\textbf{(B)}", "\\text{(B)}", true)]
    [InlineData("C", "\\text{(B)}", false)]
    [InlineData("\\textbf{(B) } 2", "\\text{(B)}", true)]
    [InlineData("(C)\\ 2", "\\text{(B)}", false)]
    [InlineData("East", "\\text{east}", true)]
    [InlineData("\\text{odd}", "\\text{even}", false)]
    public void Text_answers(string predicted, string reference, bool expected) => Check("math500", predicted, reference, expected);

    [Theory]
    [InlineData("204_5", "204_5", true)]
    [InlineData("4210_5", "4210_{5}", true)]
    [InlineData("4210", "4210_{5}", true)]
    [InlineData("4211_5", "4210_{5}", false)]
    [InlineData("4210_6", "4210_{5}", false)]
    public void Numbers_in_another_base(string predicted, string reference, bool expected) => Check("math500", predicted, reference, expected);

    [Theory]
    [InlineData("4.5\\times10^{33}", "4.5e33", true)]
    [InlineData("4.5 \\cdot 10^{33}", "4.5e33", true)]
    [InlineData("4.5E33", "4.5e33", true)]
    [InlineData("4.52\\times 10^{33}", "4.5e33", false)]
    [InlineData("4.5\\times10^{32}", "4.5e33", false)]
    [InlineData("6.72\\times 10^{-5}", "0.0000672", true)]
    [InlineData("1.6 \\mathrm{~cm}", "1.6", true)]
    [InlineData("4.5 \\times 10^{33} \\mathrm{erg} \\mathrm{s}^{-1}", "4.5e33", true)]
    [InlineData("3 \\times 10^{8} \\text{ m/s}", "3e8", true)]
    [InlineData("4.5 \\times 10^{33} \\mathrm{ergs} / \\mathrm{s}", "4.5e33", true)]
    [InlineData("3.3 x 10^{12}", "3.3e12", true)]
    [InlineData("4.4678", "4.4677", false)]
    [InlineData("24.311", "24.310", false)]
    [InlineData("24.3100", "24.310", true)]
    [InlineData("6629.7", "6630", true)]
    [InlineData("1.4903\\times10^{4}", "1.4903e4", true)]
    [InlineData("14900", "1.4903e4", false)]
    [InlineData("-\\frac{1}{3}", "-1./3", true)]
    [InlineData("\\arcsin\\left(\\frac{10}{13}\\right)", "np.arcsin(10/13)", true)]
    [InlineData("\\frac{1}{2a}(e^{at}-e^{-at})", "\\frac{1}{2a}(\\exp{a*t} - \\exp{-a*t})", true)]
    [InlineData("\\frac{\\sinh(at)}{a}", "\\frac{1}{2a}(\\exp{a*t} - \\exp{-a*t})", true)]
    [InlineData("\\frac{\\cosh(at)}{a}", "\\frac{1}{2a}(\\exp{a*t} - \\exp{-a*t})", false)]
    [InlineData("20.4", "20.39", false)]
    [InlineData("\\sqrt{2}\\cos(2t-\\pi/4)", "\\sqrt{2} \\cos (2 t-\\pi / 4)", true)]
    [InlineData("\\cos(2t) + \\sin(2t)", "\\sqrt{2} \\cos (2 t-\\pi / 4)", true)]
    [InlineData("I(0) e^{-t/(RC)}", "I(0) e^{-\\frac{t}{R C}}", true)]
    public void Minerva_decimals_scientific_notation_and_units(string predicted, string reference, bool expected) => Check("minerva-math", predicted, reference, expected);

    [Theory]
    [InlineData("aime2024", "25", "025", true)]
    [InlineData("aime2024", "025", "025", true)]
    [InlineData("aime2024", "25.0", "025", true)]
    [InlineData("aime2024", "25.5", "025", false)]
    [InlineData("aime2024", "24.9999", "025", false)]
    [InlineData("aime2025", "x = 70", "70", true)]
    [InlineData("aime2025", "71", "70", false)]
    [InlineData("amc2023", "27", "27", true)]
    [InlineData("amc2023", "27.0", "27", true)]
    [InlineData("amc2023", "\\frac{54}{2}", "27", true)]
    [InlineData("amc2023", "27.001", "27", false)]
    [InlineData("gsm8k", "70,000", "70000", true)]
    [InlineData("gsm8k", "\\$70,000", "70000", true)]
    [InlineData("gsm8k", "70001", "70000", false)]
    [InlineData("gsm8k", "18.00", "18", true)]
    [InlineData("gsm8k", "18 dollars", "18", true)]
    [InlineData("gsm8k", "-3", "3", false)]
    public void Integer_answer_benchmarks_match_exactly(string benchmark, string predicted, string reference, bool expected) =>
        Check(benchmark, predicted, reference, expected);

    [Theory]
    [InlineData("1, 2", new[] { "$1$", "$2$" }, true)]
    [InlineData("2, 1", new[] { "$1$", "$2$" }, true)]
    [InlineData("1", new[] { "$1$", "$2$" }, false)]
    [InlineData("1, 2, 3", new[] { "$1$", "$2$" }, false)]
    [InlineData("(3,2),(-3,2),(3,-2),(-3,-2)", new[] { "$(3,2),(-3,2),(3,-2),(-3,-2)$" }, true)]
    [InlineData("(-3,-2),(3,-2),(-3,2),(3,2)", new[] { "$(3,2),(-3,2),(3,-2),(-3,-2)$" }, true)]
    [InlineData("(2,3),(-3,2),(3,-2),(-3,-2)", new[] { "$(3,2),(-3,2),(3,-2),(-3,-2)$" }, false)]
    [InlineData("f(x)=x+1, f(x)=-1", new[] { "$f(x)=-1$,$f(x)=x+1$" }, true)]
    [InlineData("90^\\circ, 60^\\circ", new[] { "$90^{\\circ}$,$60^{\\circ}$" }, true)]
    public void OlympiadBench_multiple_answers_need_all(string predicted, string[] references, bool expected) =>
        Assert.Equal(expected, MathGrader.IsEquivalent("olympiadbench", predicted, new MathReference(references, IsMultipleAnswer: true)));

    [Fact]
    public void OlympiadBench_units_and_stated_precision()
    {
        Assert.True(MathGrader.IsEquivalent("olympiadbench", "\\frac{600}{7} \\text{ km/h}", new MathReference(["$\\frac{600}{7}$"], Unit: "km/h")));
        Assert.True(MathGrader.IsEquivalent("olympiadbench", "166 \\mathrm{cm}^2", new MathReference(["$166$"], Unit: "$cm^2$")));
        var withError = new MathReference(["4.2"], Unit: "%") { AbsoluteError = 0.1m };
        Assert.True(MathGrader.IsEquivalent("olympiadbench", "4.25", withError));
        Assert.False(MathGrader.IsEquivalent("olympiadbench", "4.3", withError));
        Assert.False(MathGrader.IsEquivalent("olympiadbench", "4.25", new MathReference(["4.2"], Unit: "%")));
    }
}
