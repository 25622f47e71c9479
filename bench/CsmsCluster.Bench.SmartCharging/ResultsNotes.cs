namespace CsmsCluster.Bench.SmartCharging;

/// <summary>The definitions behind the figures, appended to the results file.</summary>
public static class ResultsNotes
{
    public const string Text = """
        ## Definitions

        To be written.
        """;
}
