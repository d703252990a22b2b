namespace AbsoluteZero.Core.Grading;

/// <summary>
/// The two Python programs behind every verdict on values (see <see cref="ValueJudge"/>).
/// </summary>
internal static class ValueHarnesses
{
    /// <summary>
    /// Checks that a value is plain Python data: exact builtin scalars, containers of them, nothing else (no
    /// subclasses, whose <c>__eq__</c> or <c>__repr__</c> could lie). Builtins are bound when the harness is defined,
    /// before any untrusted expression runs.
    /// </summary>
    private const string PlainCheck = """
        def _azr_require_plain(value, _type=type, _atoms=(int, float, complex, bool, str, bytes, type(None)),
                               _sequences=(list, tuple, set, frozenset), _dict=dict, _error=TypeError):
            pending = [value]
            budget = 1000000
            while pending:
                budget -= 1
                if budget < 0:
                    raise _error("the value has too many parts to compare")
                item = pending.pop()
                kind = _type(item)
                if kind is _dict:
                    pending.extend(item.keys())
                    pending.extend(item.values())
                    continue
                known = None
                for plain in _atoms + _sequences:
                    if kind is plain:
                        known = plain
                        break
                if known is None:
                    raise _error("a value of type " + kind.__name__ + " is not plain Python data")
                for sequence in _sequences:
                    if known is sequence:
                        pending.extend(item)
            return value

        """;

    /// <summary>Phase A for a value: the untrusted expression is the one argument, wrapped in parentheses by the caller.</summary>
    public const string Value = PlainCheck + """
        def _azr_entry(check):
            def f(value, /):
                return check(value)
            return f


        f = _azr_entry(_azr_require_plain)
        """;

    /// <summary>Phase A for call arguments: the untrusted argument list, returned as <c>(args, kwargs)</c>.</summary>
    public const string Arguments = PlainCheck + """
        def _azr_entry(check):
            def f(*args, **kwargs):
                return check((args, kwargs))
            return f


        f = _azr_entry(_azr_require_plain)
        """;

    /// <summary>
    /// Phase B, trusted and fed only string literals: reads reprs of plain data back with a literal reader (no
    /// evaluation) and compares them with Python's <c>==</c>, or turns an <c>(args, kwargs)</c> repr into a safe
    /// argument list.
    /// </summary>
    public const string Literal = """
        import ast


        def _azr_value(node):
            if isinstance(node, ast.Tuple):
                return tuple(_azr_value(e) for e in node.elts)
            if isinstance(node, ast.List):
                return [_azr_value(e) for e in node.elts]
            if isinstance(node, ast.Set):
                return {_azr_value(e) for e in node.elts}
            if isinstance(node, ast.Dict):
                if any(key is None for key in node.keys):
                    raise ValueError("dict unpacking is not a literal")
                return {_azr_value(k): _azr_value(v) for k, v in zip(node.keys, node.values)}
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.keywords:
                if node.func.id == "set" and not node.args:
                    return set()
                if node.func.id == "frozenset" and len(node.args) <= 1:
                    return frozenset(_azr_value(node.args[0]) if node.args else ())
            return ast.literal_eval(node)


        def _azr_literal(text):
            return _azr_value(ast.parse(text.strip(), mode="eval").body)


        def f(operation, first, second=None):
            if operation == "equal":
                return _azr_literal(first) == _azr_literal(second)
            if operation == "call":
                value = _azr_literal(first)
                if not (type(value) is tuple and len(value) == 2 and type(value[0]) is tuple and type(value[1]) is dict
                        and all(type(key) is str for key in value[1])):
                    raise ValueError("not an (args, kwargs) pair")
                return "*" + repr(value[0]) + ", **" + repr(value[1])
            raise ValueError("unknown operation " + repr(operation))
        """;
}
