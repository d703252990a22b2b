using AbsoluteZero.Core.Execution;

namespace AbsoluteZero.Cli.Commands.Bench;

/// <summary>Short programs of the kind AZR proposes (one f, a helper or a class, a few loops), with inputs.</summary>
internal static class SandboxBenchPrograms
{
    private static readonly (string Program, string Input)[] Programs =
    [
        ("def f(s):\n    return s[::-1].upper()", "'hello world'"),
        ("def f(xs):\n    return sorted(set(xs), reverse=True)", "[3, 1, 4, 1, 5, 9, 2, 6]"),
        ("def f(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a", "30"),
        ("def f(d):\n    return {v: k for k, v in d.items()}", "{'a': 1, 'b': 2, 'c': 3}"),
        ("def f(s):\n    counts = {}\n    for ch in s:\n        counts[ch] = counts.get(ch, 0) + 1\n    return max(counts, key=counts.get)", "'mississippi'"),
        ("from collections import Counter\ndef f(words):\n    return Counter(words).most_common(2)", "['a', 'b', 'a', 'c', 'b', 'a']"),
        ("def is_prime(n):\n    return n > 1 and all(n % k for k in range(2, int(n ** 0.5) + 1))\n\ndef f(limit):\n    return [n for n in range(limit) if is_prime(n)]", "60"),
        ("class Stack:\n    def __init__(self):\n        self.items = []\n    def push(self, x):\n        self.items.append(x)\n    def pop(self):\n        return self.items.pop()\n\ndef f(ops):\n    s = Stack()\n    out = []\n    for op in ops:\n        if op == 'pop':\n            out.append(s.pop())\n        else:\n            s.push(op)\n    return out", "[1, 2, 'pop', 3, 'pop', 'pop']"),
        ("import itertools\ndef f(xs, k):\n    return [sum(c) for c in itertools.combinations(xs, k)]", "[1, 2, 3, 4], 2"),
        ("def f(matrix):\n    return [list(row) for row in zip(*matrix)]", "[[1, 2, 3], [4, 5, 6]]"),
        ("def f(s, shift):\n    return ''.join(chr((ord(c) - 97 + shift) % 26 + 97) if c.isalpha() else c for c in s)", "'abc xyz', 3"),
        ("import math\ndef f(points):\n    return round(sum(math.hypot(x, y) for x, y in points), 6)", "[(3, 4), (5, 12), (8, 15)]"),
        ("def f(n):\n    memo = {0: 0, 1: 1}\n    def g(k):\n        if k not in memo:\n            memo[k] = g(k - 1) + g(k - 2)\n        return memo[k]\n    return g(n)", "50"),
        ("import heapq\ndef f(xs, k):\n    return heapq.nlargest(k, xs)", "[5, 1, 8, 3, 9, 2], 3"),
        ("def f(text):\n    words = text.split()\n    return {w: len(w) for w in words if len(w) > 2}", "'the quick brown fox jumps'"),
        ("def f(a, b):\n    while b:\n        a, b = b, a % b\n    return a, (a * b) if b else None", "1071, 462"),
    ];

    public static IReadOnlyList<(string Program, string Input)> Take(int count) =>
        Enumerable.Range(0, count).Select(i => Programs[i % Programs.Length]).ToList();

    public static List<ExecutionRequest> Requests(int count, ExecutionCheck check = ExecutionCheck.Run) =>
        Take(count).Select(p => new ExecutionRequest(p.Program, p.Input) { Check = check }).ToList();
}
