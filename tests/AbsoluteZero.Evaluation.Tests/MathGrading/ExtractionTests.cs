using AbsoluteZero.Evaluation.MathGrading;
using AbsoluteZero.Evaluation.MathGrading.Extraction;

namespace AbsoluteZero.Evaluation.Tests.MathGrading;

public class ExtractionTests
{
    [Theory]
    [InlineData("<think>3+4=7</think> <answer>42</answer>", "42")]
    [InlineData("<think>try \\boxed{1}</think> <answer>so \\boxed{\\frac{1}{2}} it is</answer>", "\\frac{1}{2}")]
    [InlineData("<answer>The answer is 5.</answer>", "5")]
    [InlineData("<answer>x = 5</answer>", "x = 5")]
    [InlineData("<answer> $\\frac{3}{4}$ </answer>", "\\frac{3}{4}")]
    [InlineData("<answer>12</answer> then more <answer>13</answer>", "13")]
    [InlineData("<answer>7 (truncated", "7 (truncated")]
    [InlineData("First \\boxed{1}, finally \\boxed{2}.", "2")]
    [InlineData("\\boxed{\\frac{\\sqrt{3}}{2}}", "\\frac{\\sqrt{3}}{2}")]
    [InlineData("so $\\boxed{\\left( 3, \\frac{\\pi}{2} \\right)}$.", "\\left( 3, \\frac{\\pi}{2} \\right)")]
    [InlineData("The answer is $\\boxed 5$.", "5")]
    [InlineData("\\fbox{17}", "17")]
    [InlineData("\\framebox{204} minutes", "204")]
    [InlineData("**Final Answer**\n\\[\n\\boxed{189}\n\\]", "189")]
    [InlineData("Final Answer: The final answer is $\\frac{14}{3}$. I hope it is correct.", "\\frac{14}{3}")]
    [InlineData("Final Answer: The final answer is $\\$18.90$. I hope it is correct.", "\\$18.90")]
    [InlineData("The final answer is $69$, $84$. I hope it is correct.", "69, 84")]
    [InlineData("Therefore, the answer is 34.", "34")]
    [InlineData("The answer is: 7\nMore text follows here and there.", "7")]
    [InlineData("\\frac{1}{2}", "\\frac{1}{2}")]
    [InlineData("We compute things carefully.\n\nThus the area is $\\frac{1}{2}$.", "\\frac{1}{2}")]
    [InlineData("We compute things carefully.\n\nThus \\[x = 3\\]", "x = 3")]
    [InlineData("There are 3 cats and 12 dogs in total here.", "12")]
    [InlineData("no answer in these words here", null)]
    public void Generic_extraction(string response, string? expected) => Assert.Equal(expected, AnswerExtractor.Extract(response));

    [Theory]
    [InlineData("gsm8k", "She makes 9 * 2 = $18 every day.\n#### 18", "18")]
    [InlineData("gsm8k", "The profit is $70,000.", "70000")]
    [InlineData("gsm8k", "He has 3 apples, then 5, so \\boxed{8}.", "8")]
    [InlineData("gsm8k", "<answer>42</answer> and 7 more words", "42")]
    [InlineData("aime2024", "we get m+n = 11 and so 25.", "25")]
    [InlineData("aime2024", "so the sum of the two coprime numbers is m+n = 25, found after 3.5 tries", "25")]
    [InlineData("aime2024", "\\frac{50}{2}", "\\frac{50}{2}")]
    [InlineData("aime2024", "The remainder is 025 after 1000000 steps, 3.5 rounds", "025")]
    [InlineData("aime2025", "<answer>\\boxed{070}</answer>", "070")]
    [InlineData("math500", "The roots are \\boxed{3}, \\boxed{5}, and \\boxed{7}.", "3, 5, 7")]
    [InlineData("math500", "We have \\boxed{2}, later \\boxed{7}.", "7")]
    public void Benchmark_rules(string benchmark, string response, string expected)
    {
        var reference = benchmark == "math500" && expected.Contains(',') ? MathReference.Of("3, 5, 7") : MathReference.Of("0");
        Assert.Equal(expected, MathBenchmarkRules.Extract(benchmark, response, reference));
    }

    [Fact]
    public void OlympiadBench_multiple_answers_collect_the_closing_run_of_boxes()
    {
        var reference = new MathReference(["$69$", "$84$"], IsMultipleAnswer: true);
        Assert.Equal("69, 84", MathBenchmarkRules.Extract("olympiadbench", "Trying \\boxed{3} fails. So $\\boxed{69}$ and $\\boxed{84}$.", reference));
        Assert.True(MathGrader.Grade("olympiadbench", "So \\boxed{84}, \\boxed{69}", reference).Correct);
        Assert.False(MathGrader.Grade("olympiadbench", "So \\boxed{84}", reference).Correct);
    }

    [Fact]
    public void Nested_braces_stay_whole_and_an_unclosed_box_runs_to_the_end()
    {
        var boxes = BoxedAnswers.FindAll("a \\boxed{\\frac{1}{\\sqrt{2}}} b \\boxed{x^{2}");
        Assert.Equal(["\\frac{1}{\\sqrt{2}}", "x^{2}"], boxes.Select(b => b.Content));
    }

    [Theory]
    [InlineData("math500", "So the answer is $\\boxed{\\dfrac{1}{2}}$.", "\\frac12", "\\dfrac{1}{2}", true)]
    [InlineData("math500", "So the answer is $\\boxed{\\dfrac{1}{3}}$.", "\\frac12", "\\dfrac{1}{3}", false)]
    [InlineData("minerva-math", "L = \\boxed{4.5\\times10^{33}} \\mathrm{ergs/s}", "4.5e33", "4.5\\times10^{33}", true)]
    [InlineData("gsm8k", "In total 16-3-4=9 eggs, 9*2 = 18 dollars.", "18", "18", true)]
    [InlineData("aime2024", "The answer is $\\boxed{25}$", "025", "25", true)]
    [InlineData("math500", "I do not know.", "5", null, false)]
    public void Grade_reports_the_extracted_answer_and_verdict(string benchmark, string response, string reference, string? extracted, bool correct)
    {
        var grade = MathGrader.Grade(benchmark, response, MathReference.Of(reference));
        Assert.Equal(new MathGrade(extracted, correct), grade);
    }

    [Fact]
    public void A_code_benchmark_is_refused_with_the_math_names()
    {
        var error = Assert.Throws<ArgumentException>(() => MathGrader.Grade("humaneval-plus", "\\boxed{1}", MathReference.Of("1")));
        Assert.Contains("math500", error.Message);
    }
}
