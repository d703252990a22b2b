using System.Text;
using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Core.Prompts;

/// <summary>
/// The three solver prompts (AZR.md §1.5) in our own words, with the reference's headings, tags and examples.
/// The same prompts serve the solver batches and the learnability estimate of a fresh proposal.
/// </summary>
public static class SolverPrompts
{
    /// <summary>Abduction solver: sees the program and the output, must give an input.</summary>
    public static string Abduction(Triplet task) => $$"""

        # Task: Provide One Possible Input of a Python Code Snippet Given the Code and Output
        Given the Code Snippet and the Output below, think step by step, then give one possible input that produces the output. Wrap the input in ```input``` tags. If an argument is a string, put it in quotes. If the function takes several arguments, separate them with commas.

        # Code Snippet:
        ```python
        {{task.Program}}
        ```

        # Output:
        ```output
        {{task.Output}}
        ```

        # Output Format:
        ```input
        arg1, arg2, ...
        ```
        # Example Output:
        ```input
        'John', {'age': 20, 'city': 'New York'}
        ```

        """;

    /// <summary>Deduction solver: sees the program and the input, must give the output.</summary>
    public static string Deduction(Triplet task) => $$"""

        # Task: Deduce the Output of a Python Code Snippet Given the Code and Input
        Given the Code Snippet and the Input below, think step by step, then deduce the output produced by plugging the Input into the Code Snippet. Put your output in ```output``` tags. If the output is a string, put it in quotes. If the function returns multiple values, remember to use a tuple to wrap them.

        # Code Snippet:
        ```python
        {{task.Program}}
        ```

        # Input:
        ```input
        {{task.Input}}
        ```

        # Example Output:
        ```output
        {'age': 20, 'city': 'New York'}
        ```

        """;

    /// <summary>Induction solver: sees the shown input/output pairs and the message, must write the program.</summary>
    public static string Induction(InductionTask task)
    {
        var pairs = new StringBuilder();
        var j = 0;
        foreach (var (input, output) in task.ShownPairs)
        {
            pairs.Append($"```input_{j}\n{input}\n```\n```output_{j}\n{output}\n```\n");
            j++;
        }

        return $$"""

            # Task: Deduce the Function that Produced the Outputs from the Inputs
            Given a set of input/output pairs and a message describing the function, think the problem through step by step and deduce a general code snippet. It must produce the hidden outputs from the hidden inputs, matching the original code that generated the input/output pairs. Place your final answer inside python tags! It can help to check your function against each input/output pair in turn; if it does not behave as expected, revise it until it does. Your response is graded on the final code snippet, wrapped in ```python``` tags.

            # Code Requirements:
            - Name the entry function `f` (e.g., `def f(...): ...`); nested definitions inside `f` are allowed
            - Make sure the function returns a value
            - Give it at least one input parameter
            - Make the function deterministic
            - AVOID THE FOLLOWING:
              * Random functions or variables
              * Date/time operations
              * I/O operations (reading files, network requests)
              * Printing or logging
              * Any external state
            - Make sure execution finishes within 10 seconds on a modern CPU
            - Put all imports and class definitions at the very top of the code snippet
            - The snippet should end with a return statement from the main function `f()`, anything after will be removed

            # Input and Output Pairs:
            {{pairs}}
            # Message:
            ```message
            {{task.Message}}
            ```

            # Example Output:
            ```python
            def f(a):
                return a
            ```

            Name your entry function `f()`!!!

            """;
    }
}
