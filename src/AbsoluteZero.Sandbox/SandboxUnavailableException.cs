namespace AbsoluteZero.Sandbox;

/// <summary>The sandbox refused to start: why, and how to fix it, are in the message.</summary>
public sealed class SandboxUnavailableException(string message) : Exception(message);
