namespace CsmsCluster.Deploy.Tests;

/// <summary>How a tool run ended.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Throws with the tool's output unless it exited with 0.</summary>
    public ProcessResult EnsureSuccess(string what) =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"{what} exited with {ExitCode}.\n{StandardError}\n{StandardOutput}");
}
