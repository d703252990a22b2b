using AbsoluteZero.Core.Parsing;

namespace AbsoluteZero.Core.Tests.Parsing;

public class ResponseTextTests
{
    [Theory]
    [InlineData(" hi </think> <answer>1</answer>", "<think> hi </think> <answer>1</answer>", true, "1")]
    [InlineData(" x</think>\n\n<answer>a</answer>junk", "<think> x</think>\n\n<answer>a</answer>junk", true, "a")]
    [InlineData("</think><answer>1</answer>", "<think></think><answer>1</answer>", true, "1")]
    [InlineData(" a <answer>1</answer>", "<think> a <answer>1</answer>", false, "1")]
    [InlineData(" t</think> <answer>1</answer>'", "<think> t</think> <answer>1</answer>", true, "1")]
    // A new "Assistant:" turn ends the generation, as the reference's split on "Assistant:" does.
    [InlineData(" t</think> <answer>1</answer>\nUser: again\nAssistant: <think> q </think><answer>2</answer>", "<think> t</think> <answer>1</answer>\nUser: again", true, "1")]
    public void Generation_format_and_answer_match_the_reference(string response, string generation, bool formatOk, string answer)
    {
        var g = ResponseText.Generation(response);
        Assert.Equal(generation, g);
        Assert.Equal(formatOk, FormatCheck.Passes(g));
        Assert.Equal(answer, ResponseText.AnswerContent(g));
    }

    [Fact]
    public void Answer_is_after_the_last_answer_tag_up_to_the_next_close()
    {
        Assert.Equal("second", ResponseText.AnswerContent("<think>a</think><answer>first</answer> <answer> second </answer> tail</answer>"));
        Assert.Equal("open to the end", ResponseText.AnswerContent("<think>a</think><answer> open to the end "));
        Assert.Equal("", ResponseText.AnswerContent("<think>no answer</think>"));
        Assert.False(ResponseText.HasAnswer("<think>no answer</think>"));
        // The tag is case-sensitive, as Python's "in" and split are.
        Assert.Equal("", ResponseText.AnswerContent("<ANSWER>x</ANSWER>"));
    }

    [Fact]
    public void Format_check_is_anchored_at_the_start()
    {
        Assert.False(FormatCheck.Passes("preamble <think>a</think><answer>b</answer>"));
        Assert.False(FormatCheck.Passes("<think>a</think> text <answer>b</answer>"));
        Assert.False(FormatCheck.Passes("<think>a</think><answer>b"));
        Assert.True(FormatCheck.Passes("<think>\nmulti\nline</think>\n<answer>\nb\n</answer>\nafter"));
    }

    [Fact]
    public void Thought_is_between_the_last_think_and_the_next_close()
    {
        Assert.Equal(" plan ", ResponseText.Thought("<think> old </think><think> plan </think><answer>x</answer>"));
        Assert.Equal("no think at all", ResponseText.Thought("no think at all"));
    }

    [Fact]
    public void A_prompt_containing_the_turn_marker_does_not_shift_the_generation()
    {
        // The reference split prompt+response on the first "Assistant:", so a message quoting it broke parsing.
        // We read from the prompt's known end; the response alone decides.
        var g = ResponseText.Generation(" ok </think> <answer>x</answer>");
        Assert.Equal("<think> ok </think> <answer>x</answer>", g);
    }
}
