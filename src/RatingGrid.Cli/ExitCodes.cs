namespace RatingGrid.Cli;

/// <summary>The command line's exit codes (documented in the README).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Usage = 2;
    public const int BadInput = 3;
    public const int Refused = 4;
    public const int Unreachable = 5;
}
