using System.Text;
using AbsoluteZero.Core.Tasks;

namespace AbsoluteZero.Core.Prompts;

/// <summary>
/// The three proposer prompts (AZR.md §1.3–1.4) in our own words, with the reference's section headings, tags,
/// example, requirement list and order. Returns the task text; <see cref="ConversationTemplate.Wrap"/> makes it a prompt.
/// </summary>
public static class ProposerPrompts
{
    /// <summary>
    /// Abduction proposer (reference <c>code_i</c>). Its "Difficulty" criterion talks about predicting the output:
    /// the reference swapped the two criteria between abduction and deduction, and we keep the swap (AZR.md §1.3).
    /// </summary>
    /// <param name="references">Up to K triplets from the abduction buffer, shown in full.</param>
    /// <param name="seeding">True while seeding: adds the line saying top-level variables will be removed.</param>
    public static string Abduction(IReadOnlyList<Triplet> references, IReadOnlyList<string> bannedWords, bool seeding) =>
        CodeTask(
            "## Task: Create a Python Code Snippet (where custom classes are allowed, which should be defined at the top of the code snippet) with one Matching Input",
            "Take the reference code snippets below as examples and design a new, unique Python code snippet that demands deep algorithmic reasoning to deduce one possible input from a given output. Submit the snippet together with one test input: the input is plugged into the snippet to produce an output, and that output is handed to a test subject who must come up with any input that produces the same output. This is meant to be an I.Q. test.",
            "- Difficulty in predicting the output from your provided input and code snippet. Focus on either algorithmic reasoning or logic complexity: for example define complex data structure classes and operate on them (trees, heaps, stacks, queues, graphs, etc.), or use complex control flow, dynamic programming, recursion, divide and conquer, greedy search, backtracking, etc.",
            references, bannedWords, seeding);

    /// <summary>Deduction proposer (reference <c>code_o</c>); see <see cref="Abduction"/> about the swapped criterion.</summary>
    public static string Deduction(IReadOnlyList<Triplet> references, IReadOnlyList<string> bannedWords, bool seeding) =>
        CodeTask(
            "## Task: Create a New Python Code Snippet (where custom classes are allowed, which should be defined at the top of the code snippet) with one Matching Input",
            "Take the reference code snippets below as examples and design a new, unique Python code snippet that demands deep algorithmic reasoning to deduce the output from the input. Submit the snippet together with one test input; the input is plugged into the snippet to produce the output. The input will be given to a test subject who must deduce the output, which is meant to be an I.Q. test.",
            "- Difficulty in predicting your ```input``` from 1) your ```python``` code and 2) the deterministic ```output``` that your ```input``` produces. Focus on either algorithmic reasoning or logic complexity: for example define complex data structure classes and operate on them (trees, heaps, stacks, queues, graphs, etc.), or use complex control flow, dynamic programming, recursion, divide and conquer, greedy search, backtracking, etc.",
            references, bannedWords, seeding);

    /// <summary>
    /// Induction proposer (reference <c>code_f</c>): asks for <paramref name="inputCount"/> inputs and a message for
    /// one given program. No banned-word list: the program was validated when it entered its buffer.
    /// </summary>
    public static string Induction(string program, int inputCount) =>
        $$"""

        ## Task: Output {{inputCount}} Inputs that can be plugged into the following Code Snippet to produce diverse Outputs, and give a message related to the given snippet.

        Using the code snippet below, design {{inputCount}} inputs that, plugged into the snippet, produce a diverse set of outputs. A subset of your given input and its deterministically produced outputs will be given to a test subject to deduce the function, which is meant to be an I.Q. test. You may also leave the test subject a message that helps them deduce the code snippet.

        ### Input Requirements:
        - Provide {{inputCount}} valid inputs for the code snippet
        - For each input, separate multiple arguments with commas
        - Put quotes around string arguments
        - Each input should be individually wrapped in ```input``` tags

        ### Message Requirements:
        - Leave the test subject a message that helps them deduce the code snippet
        - Wrap the message in ```message``` tags
        - The message can take any form: it can even be posed as a coding question, or be a natural-language description of what the snippet does
        - You cannot provide the code snippet in the message

        ### Formatting:
        - Format each input with:
        ```input
        arg1, arg2, ...
        ```

        ### Example Format:
        ```input
        'John', {'age': 20, 'city': 'New York'}
        ```
        ```input
        'Sammy', {'age': 37, 'city': 'Los Angeles'}
        ```

        ### Evaluation Criteria:
        - Executability: the code snippet should run on every one of your inputs
        - Coverage: the inputs and their outputs should cover the input space of the snippet well enough to deduce the snippet from them
        - Creativity: the inputs should be sufficiently different from each other
        - Overall, your inputs and message together should make the task challenging for the test subject, but not impossible
        First, carefully devise a clear plan: understand the code snippet, then work out how your inputs reach high coverage and why they are challenging and creative. Then write the inputs and the message. Remember to wrap your inputs in ```input``` tags and your message in ```message``` tags.

        ### Code Snippet:
        ```python
        {{program}}
        f(<|YOUR INPUT WILL BE PLUGGED HERE|>)
        ```

        """;

    private static string CodeTask(string header, string paragraph, string difficulty, IReadOnlyList<Triplet> references, IReadOnlyList<string> bannedWords, bool seeding)
    {
        var seedingLine = seeding
            ? "- All variable declarations must be inside the main function `f` or within functions `f` makes calls to. Any variables declared outside of functions will be removed.\n"
            : "\n";
        var text = new StringBuilder();
        text.Append($$"""

            {{header}}

            {{paragraph}}

            ### Code Requirements:
            - Name the entry function `f` (e.g., `def f(...): ...`); nested definitions inside `f` are allowed
            - Make sure the function returns a value
            - Give it at least one input parameter
            - Make the function deterministic
            - Make the snippet require state tracking across multiple data transformations, ensuring the task requires long multi step reasoning
            - AVOID THE FOLLOWING:
              * Random functions or variables
              * Date/time operations
              * I/O operations (reading files, network requests)
              * Printing or logging
              * Any external state
            - Make sure execution finishes within 10 seconds on a modern CPU
            - Put all imports and class definitions at the very top of the code snippet
            - The snippet should end with a return statement from the main function `f`, anything after will be removed

            """);
        text.Append(seedingLine);
        text.Append($$"""

            ### Input Requirements:
            - Provide exactly one test input for your function
            - Separate multiple arguments with commas
            - Put quotes around string arguments

            ### Formatting:
            - Format your code with:
            ```python
            def f(...):
                # your code here
                return ...
            ```
            - Format your input with:
            ```input
            arg1, arg2, ...
            ```

            ### Example Format:
            ```python
            def f(name: str, info: dict):
                # code logic here
                return result
            ```

            ```input
            'John', {'age': 20, 'city': 'New York'}
            ```

            ### Evaluation Criteria:
            - Executability: your code should run on your input
            {{difficulty}}
            - Creativity: the code needs to be sufficiently different from the provided reference snippets
            - Restricted usage of certain keywords and packages: you are not allowed to use the following words in any form, even in comments: {{string.Join(", ", bannedWords)}}

            First, carefully devise a clear plan: e.g., work out how your snippet will be challenging, how it differs from the reference snippets, and what makes it creative. Then, write the final code snippet and its input.

            ### Reference Code Snippets:

            """);
        for (var k = 0; k < references.Count; k++)
        {
            var r = references[k];
            text.Append($"<snippet_{k}>\n```python\n{r.Program}\n```\n```input\n{r.Input}\n```\n```output\n{r.Output}\n```\n</snippet_{k}>\n");
        }

        text.Append('\n');
        return text.ToString();
    }
}
