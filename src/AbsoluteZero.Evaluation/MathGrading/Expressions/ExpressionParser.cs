using System.Text;

namespace AbsoluteZero.Evaluation.MathGrading.Expressions;

/// <summary>
/// Recursive-descent parser from normalised LaTeX (or plain text maths) to an <see cref="Expr"/>. It reads what
/// answers actually contain: implicit multiplication (<c>2\pi r</c>, <c>(a+5)(b+2)</c>), <c>\frac12</c> and
/// <c>\sqrt2</c> short forms, mixed numbers (<c>1\frac{4}{5}</c>), functions with or without parentheses
/// (<c>\sin 2x</c>, <c>\log_{2} n</c>, <c>\sin^2 x</c>), subscripted symbols (<c>x_{0}</c>, <c>\omega_n</c>) and
/// primes. Returns null when the text is not an expression, so the caller can compare it as text instead.
/// </summary>
public sealed class ExpressionParser
{
    private static readonly HashSet<string> Functions =
    [
        "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "arccot", "sinh", "cosh", "tanh",
        "exp", "ln", "log", "lg", "min", "max", "gcd", "lcm",
    ];

    private static readonly Dictionary<string, string> Inverses = new()
    {
        ["sin"] = "arcsin", ["cos"] = "arccos", ["tan"] = "arctan", ["cot"] = "arccot",
    };

    private static readonly HashSet<string> Accents =
        ["dot", "ddot", "hat", "bar", "vec", "tilde", "overline", "widehat", "widetilde", "mathring", "overrightarrow"];

    private static readonly HashSet<string> TextWrappers =
        ["mathrm", "text", "mathbf", "textbf", "mathit", "textit", "boldsymbol", "bm", "mbox", "textnormal", "mathsf", "rm"];

    // Commands that continue or end an expression rather than start a factor.
    private static readonly HashSet<string> NonFactorCommands =
    [
        "cdot", "times", "div", "ast", "pm", "mp", "rfloor", "rceil", "rvert", "le", "ge", "ne", "lt", "gt", "cup",
        "cap", "in", "to", "\\", "{", "}", ",", ";", "circ", "prime", "end", "quad", "qquad", "setminus", "right",
    ];

    // Nesting beyond this is not an answer; refusing it keeps hostile input from exhausting the stack.
    private const int MaxDepth = 60;
    private const int MaxTokens = 2000;

    private readonly List<LatexToken> _tokens;
    private int _position;
    private int _absDepth;
    private int _depth;

    private ExpressionParser(List<LatexToken> tokens) => _tokens = tokens;

    public static Expr? TryParse(string text)
    {
        var parser = new ExpressionParser(LatexTokenizer.Tokenize(text));
        if (parser._tokens.Count is 0 or > MaxTokens)
            return null;
        try
        {
            var expr = parser.ParseExpression();
            return parser.AtEnd ? expr : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private bool AtEnd => _position >= _tokens.Count;

    private LatexToken? Peek(int offset = 0) =>
        _position + offset < _tokens.Count ? _tokens[_position + offset] : null;

    private LatexToken Next() =>
        _position < _tokens.Count ? _tokens[_position++] : throw new FormatException("unexpected end");

    private bool TryConsumeSymbol(char c)
    {
        if (Peek() is { } t && t.IsSymbol(c))
        {
            _position++;
            return true;
        }

        return false;
    }

    private bool TryConsumeCommand(string name)
    {
        if (Peek() is { } t && t.Is(LatexTokenKind.Command, name))
        {
            _position++;
            return true;
        }

        return false;
    }

    private void ExpectSymbol(char c)
    {
        if (!TryConsumeSymbol(c))
            throw new FormatException($"expected '{c}'");
    }

    private Expr ParseExpression()
    {
        if (++_depth > MaxDepth)
            throw new FormatException("nested too deeply");
        var left = ParseTerm();
        while (true)
        {
            if (TryConsumeSymbol('+'))
                left = new BinaryExpr(BinaryOperator.Add, left, ParseTerm());
            else if (TryConsumeSymbol('-'))
                left = new BinaryExpr(BinaryOperator.Subtract, left, ParseTerm());
            else
                break;
        }

        _depth--;
        return left;
    }

    private Expr ParseTerm()
    {
        var left = ParseUnary();
        while (true)
        {
            if (TryConsumeSymbol('*') || TryConsumeCommand("cdot") || TryConsumeCommand("times") || TryConsumeCommand("ast"))
                left = new BinaryExpr(BinaryOperator.Multiply, left, ParseUnary());
            else if (TryConsumeSymbol('/') || TryConsumeCommand("div"))
                left = new BinaryExpr(BinaryOperator.Divide, left, ParseUnary());
            else if (StartsFactor())
                left = new BinaryExpr(BinaryOperator.Multiply, left, ParsePostfix());
            else
                return left;
        }
    }

    private bool StartsFactor()
    {
        if (Peek() is not { } t)
            return false;
        return t.Kind switch
        {
            LatexTokenKind.Number or LatexTokenKind.Letter => true,
            LatexTokenKind.Command => !NonFactorCommands.Contains(t.Text),
            _ => t.IsSymbol('(') || t.IsSymbol('[') || t.IsSymbol('{') || (t.IsSymbol('|') && _absDepth == 0),
        };
    }

    private Expr ParseUnary()
    {
        var negative = false;
        while (Peek() is { } t && (t.IsSymbol('-') || t.IsSymbol('+')))
        {
            negative ^= t.IsSymbol('-');
            _position++;
        }

        var operand = ParsePostfix();
        return negative ? new NegateExpr(operand) : operand;
    }

    private Expr ParsePostfix()
    {
        var expr = ParsePrimary();
        while (true)
        {
            if (TryConsumeSymbol('^'))
            {
                if (TryConsumePrimeMarker())
                    expr = Prime(expr);
                else
                    expr = new BinaryExpr(BinaryOperator.Power, expr, ParseExponent());
            }
            else if (TryConsumeSymbol('!'))
            {
                expr = new FunctionExpr("factorial", [expr]);
            }
            else if (TryConsumeSymbol('\''))
            {
                expr = Prime(expr);
            }
            else
            {
                return expr;
            }
        }
    }

    private bool TryConsumePrimeMarker()
    {
        var start = _position;
        var braced = TryConsumeSymbol('{');
        var primes = 0;
        while (TryConsumeCommand("prime") || TryConsumeSymbol('\''))
            primes++;
        if (primes > 0 && (!braced || TryConsumeSymbol('}')))
            return true;
        _position = start;
        return false;
    }

    private static Expr Prime(Expr expr) =>
        expr is SymbolExpr s ? new SymbolExpr(s.Name + "'") : throw new FormatException("prime on a non-symbol");

    private Expr ParseExponent()
    {
        var negative = false;
        while (Peek() is { } t && (t.IsSymbol('-') || t.IsSymbol('+')))
        {
            negative ^= t.IsSymbol('-');
            _position++;
        }

        var exponent = ParseArgument(splitDigits: false);
        return negative ? new NegateExpr(exponent) : exponent;
    }

    /// <summary>A macro argument: a braced group, or one token (<c>\frac12</c> takes single digits).</summary>
    private Expr ParseArgument(bool splitDigits)
    {
        if (Peek() is not { } t)
            throw new FormatException("missing argument");
        if (t.IsSymbol('{'))
            return ParseGroup('{', '}');
        if (splitDigits && t.Kind == LatexTokenKind.Number && t.Text.Length > 1)
        {
            _tokens[_position] = new LatexToken(LatexTokenKind.Number, t.Text[..1]);
            _tokens.Insert(_position + 1, new LatexToken(LatexTokenKind.Number, t.Text[1..]));
        }

        return ParsePrimary();
    }

    private Expr ParseGroup(char open, char close)
    {
        ExpectSymbol(open);
        var saved = _absDepth;
        _absDepth = 0;
        var inner = ParseExpression();
        _absDepth = saved;
        ExpectSymbol(close);
        return inner;
    }

    private Expr ParsePrimary()
    {
        var t = Next();
        switch (t.Kind)
        {
            case LatexTokenKind.Number:
                return ParseNumber(t.Text);
            case LatexTokenKind.Letter:
                return SymbolOrConstant(t.Text);
            case LatexTokenKind.Command:
                return ParseCommand(t.Text);
        }

        _position--;
        if (t.IsSymbol('('))
            return ParseGroup('(', ')');
        if (t.IsSymbol('['))
            return ParseGroup('[', ']');
        if (t.IsSymbol('{'))
            return ParseGroup('{', '}');
        if (t.IsSymbol('|'))
        {
            _position++;
            _absDepth++;
            var inner = ParseExpression();
            _absDepth--;
            ExpectSymbol('|');
            return new FunctionExpr("abs", [inner]);
        }

        throw new FormatException($"unexpected '{t.Text}'");
    }

    private Expr ParseNumber(string text)
    {
        if (!Rational.TryParseDecimal(text.TrimEnd('.'), out var value))
            throw new FormatException($"bad number '{text}'");
        if (Peek() is { } sub && sub.IsSymbol('_'))
            throw new FormatException("a number with a base subscript is not an expression");
        var isDecimal = text.Contains('.') || text.Contains('e') || text.Contains('E');
        if (!isDecimal && Peek() is { } next && next.Is(LatexTokenKind.Command, "frac") && TryMixedFraction() is { } fraction)
            return new NumberExpr(value + fraction, false);
        return new NumberExpr(value, isDecimal) { Literal = text };
    }

    /// <summary><c>1\frac{4}{5}</c> is the mixed number 9/5, as MATH writes it, not 1 × 4/5.</summary>
    private Rational? TryMixedFraction()
    {
        var start = _position;
        _position++;
        try
        {
            var numerator = ParseArgument(splitDigits: true);
            var denominator = ParseArgument(splitDigits: true);
            if (numerator is NumberExpr { IsDecimal: false } n && denominator is NumberExpr { IsDecimal: false } d
                && n.Value.IsInteger && d.Value.IsInteger && n.Value.Sign > 0 && (d.Value - n.Value).Sign > 0)
                return n.Value / d.Value;
        }
        catch (FormatException)
        {
        }

        _position = start;
        return null;
    }

    private Expr SymbolOrConstant(string name)
    {
        var subscript = ParseSubscript();
        if (subscript is null && !(Peek() is { } t && t.IsSymbol('\'')))
        {
            if (name == "e")
                return new ConstantExpr(MathConstant.E);
            if (name == "i")
                return new ConstantExpr(MathConstant.ImaginaryUnit);
        }

        return new SymbolExpr(subscript is null ? name : $"{name}_{subscript}");
    }

    private string? ParseSubscript()
    {
        if (!TryConsumeSymbol('_'))
            return null;
        if (Peek() is { } t && t.IsSymbol('{'))
            return RawGroupText();
        return Next().Text;
    }

    /// <summary>The tokens of a braced group as a name (<c>x_{\max}</c> → <c>max</c>), for subscripts and accents.</summary>
    private string RawGroupText()
    {
        ExpectSymbol('{');
        var depth = 1;
        var text = new StringBuilder();
        while (true)
        {
            var t = Next();
            if (t.IsSymbol('{'))
                depth++;
            else if (t.IsSymbol('}') && --depth == 0)
                return text.ToString();
            text.Append(t.Text);
        }
    }

    private Expr ParseCommand(string name)
    {
        switch (name)
        {
            case "frac":
                var numerator = ParseArgument(splitDigits: true);
                return new BinaryExpr(BinaryOperator.Divide, numerator, ParseArgument(splitDigits: true));
            case "binom":
                var n = ParseArgument(splitDigits: true);
                return new FunctionExpr("binom", [n, ParseArgument(splitDigits: true)]);
            case "sqrt":
                return ParseRoot();
            case "pi":
                return new ConstantExpr(MathConstant.Pi);
            case "infty":
                return new ConstantExpr(MathConstant.Infinity);
            case "lfloor":
                return ParseDelimited("floor", "rfloor");
            case "lceil":
                return ParseDelimited("ceil", "rceil");
            case "lvert":
                return ParseDelimited("abs", "rvert");
            case "operatorname":
                var op = RawGroupText();
                return Functions.Contains(op) ? ParseFunction(op) : NamedSymbol(op);
            case "mathbb":
                return new SymbolExpr("bb" + RawGroupText());
        }

        if (Functions.Contains(name))
            return ParseFunction(name == "lg" ? "log10" : name);
        if (Accents.Contains(name))
            return NamedSymbol($"{name}({(Peek() is { } t && t.IsSymbol('{') ? RawGroupText() : Next().Text)})");
        if (TextWrappers.Contains(name))
            return ParseWrapped();
        if (NonFactorCommands.Contains(name) || name.Length == 0 || !char.IsAsciiLetter(name[0]))
            throw new FormatException($"unexpected \\{name}");
        return NamedSymbol(name);
    }

    private Expr NamedSymbol(string name)
    {
        var subscript = ParseSubscript();
        return new SymbolExpr(subscript is null ? name : $"{name}_{subscript}");
    }

    /// <summary>A leftover <c>\mathrm{…}</c>: <c>\mathrm{e}</c> and <c>\mathrm{i}</c> are the constants.</summary>
    private Expr ParseWrapped()
    {
        var text = RawGroupText().Trim();
        if (text.Length == 1 && char.IsAsciiLetter(text[0]))
            return SymbolOrConstant(text);
        if (TryParse(text) is { } inner)
            return inner;
        return NamedSymbol(text.Replace(" ", ""));
    }

    private Expr ParseRoot()
    {
        Expr? index = null;
        if (TryConsumeSymbol('['))
        {
            index = ParseExpression();
            ExpectSymbol(']');
        }

        var radicand = ParseArgument(splitDigits: false);
        return index is null ? new FunctionExpr("sqrt", [radicand]) : new FunctionExpr("root", [radicand, index]);
    }

    private Expr ParseDelimited(string function, string closing)
    {
        var inner = ParseExpression();
        if (!TryConsumeCommand(closing))
            throw new FormatException($"missing \\{closing}");
        return new FunctionExpr(function, [inner]);
    }

    private Expr ParseFunction(string name)
    {
        Expr? power = null;
        Expr? logBase = null;
        if (name == "log10")
        {
            name = "log";
            logBase = new NumberExpr(Rational.FromInteger(10), false);
        }

        // \log_{2} x, \sin^2 x, \sin^{-1} x: subscript and power come before the argument.
        for (var i = 0; i < 2; i++)
        {
            if (name == "log" && logBase is null && TryConsumeSymbol('_'))
                logBase = ParseArgument(splitDigits: false);
            else if (power is null && TryConsumeSymbol('^'))
                power = ParseExponent();
        }

        if (power is NegateExpr { Operand: NumberExpr { Value.IsInteger: true } one } && one.Value == Rational.One
            && Inverses.TryGetValue(name, out var inverse))
        {
            name = inverse;
            power = null;
        }

        var arguments = ParseFunctionArguments();
        if (logBase is not null)
            arguments = [.. arguments, logBase];
        Expr result = new FunctionExpr(name, arguments);
        return power is null ? result : new BinaryExpr(BinaryOperator.Power, result, power);
    }

    private IReadOnlyList<Expr> ParseFunctionArguments()
    {
        if (Peek() is { } t && t.IsSymbol('('))
        {
            _position++;
            var arguments = new List<Expr> { ParseExpression() };
            while (TryConsumeSymbol(','))
                arguments.Add(ParseExpression());
            ExpectSymbol(')');
            return arguments;
        }

        if (Peek() is { } g && (g.IsSymbol('{') || g.IsSymbol('[')))
            return [g.IsSymbol('{') ? ParseGroup('{', '}') : ParseGroup('[', ']')];

        // Without parentheses a function takes the following run of simple factors: \sin 2x, \cos \theta, \ln 2.
        var argument = ParsePostfix();
        while (Peek() is { } next && IsSimpleFactor(next))
            argument = new BinaryExpr(BinaryOperator.Multiply, argument, ParsePostfix());
        return [argument];
    }

    private static bool IsSimpleFactor(LatexToken t) => t.Kind switch
    {
        LatexTokenKind.Number or LatexTokenKind.Letter => true,
        LatexTokenKind.Command => !Functions.Contains(t.Text) && !NonFactorCommands.Contains(t.Text)
                                  && t.Text is not ("frac" or "sqrt" or "operatorname" or "lfloor" or "lceil" or "binom"),
        _ => false,
    };
}
