using AbsoluteZero.Core.Json;
using System.Text.Json.Nodes;
using AbsoluteZero.Evaluation.MathGrading;
using AbsoluteZero.Evaluation.Scoring;

namespace AbsoluteZero.Evaluation.Runs;

/// <summary>What became of one sample line: a verdict (code or math), or the reason it could not be scored.</summary>
public sealed record SampleOutcome(SampleLine Line, string? TaskId, bool? Passed, CodeVerdict? Code, MathGrade? Math)
{
    public static SampleOutcome Invalid(SampleLine line) => new(line, line.TaskId, null, null, null);

    /// <summary>
    /// The result line: <c>task_id</c>, <c>passed</c>; <c>base_passed</c> and <c>plus_passed</c> for EvalPlus sets;
    /// <c>failing_input</c> and <c>difference</c> where a test failed; <c>extracted</c> and <c>correct</c> for math;
    /// <c>error</c> for a line that could not be scored. <c>line</c> is the sample's line in the samples file.
    /// </summary>
    public string ToJson(bool evalPlus)
    {
        var json = new JsonObject { ["line"] = Line.Line, ["task_id"] = TaskId };
        if (Passed is null)
        {
            json["passed"] = null;
            json["error"] = Line.Error;
            return json.ToJsonString(AzrJson.Options);
        }

        json["passed"] = Passed;
        if (Code is { } code)
        {
            if (evalPlus)
            {
                json["base_passed"] = code.BasePassed;
                json["plus_passed"] = code.PlusPassed;
            }

            if (code.Failure is { } failure)
            {
                if (evalPlus)
                    json["failing_split"] = failure.Split;
                json["failing_input"] = failure.Input;
                json["difference"] = failure.Difference;
                json["timed_out"] = failure.TimedOut;
            }
        }

        if (Math is { } math)
        {
            json["extracted"] = math.Extracted;
            json["correct"] = math.Correct;
        }

        return json.ToJsonString(AzrJson.Options);
    }
}
