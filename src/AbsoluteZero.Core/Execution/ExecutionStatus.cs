namespace AbsoluteZero.Core.Execution;

/// <summary>How one program run ended. The JSON names (snake_case) are the <c>azr exec</c> contract.</summary>
public enum ExecutionStatus
{
    /// <summary>Ran to completion; <see cref="ExecutionResult.Output"/> holds the repr.</summary>
    Ok,

    /// <summary>Raised an exception, or the process died (signal); <see cref="ExecutionResult.Error"/> says which.</summary>
    Error,

    /// <summary>Ran past its wall-clock limit; the whole process group was killed.</summary>
    Timeout,

    /// <summary>Ran out of its address-space limit (MemoryError or killed for memory).</summary>
    Memory,

    /// <summary>Refused before running: a banned module on some import form, or the builtin <c>input(</c>.</summary>
    Forbidden,

    /// <summary>Validate mode only: two separate executions gave different reprs.</summary>
    Nondeterministic,

    /// <summary>The repr exceeded the transport limit (default 64 KiB).</summary>
    OutputTooLarge,

    /// <summary>The program or the input argument string does not parse.</summary>
    Syntax,
}
