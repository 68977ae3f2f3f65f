using Microsoft.AspNetCore.Components;
using RatingGrid.Web.Reading;

namespace RatingGrid.Web.Components.Pages;

/// <summary>
/// A page that reads the service while it renders on the server: its figures are in the first
/// response (no script needed); a failure becomes a problem shown in words, never an error page.
/// </summary>
public abstract class ReadPage : ComponentBase
{
    [Inject]
    protected IReads Reads { get; set; } = null!;

    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    protected Problem? ProblemShown { get; private set; }

    /// <summary>Cancelled when the browser goes before the page is rendered.</summary>
    protected CancellationToken Aborted => HttpContext?.RequestAborted ?? CancellationToken.None;

    /// <summary>Shows a problem found before any read (an address that makes no question).</summary>
    protected void ShowProblem(Problem problem)
    {
        ProblemShown = problem;
        AnswerWith(problem);
    }

    /// <summary>The answer, or null with <see cref="ProblemShown"/> saying why.</summary>
    protected async Task<T?> ReadAsync<T>(Func<CancellationToken, Task<T>> read, string what)
        where T : class
    {
        try
        {
            return await read(Aborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ShowProblem(Problem.From(ex, what));
            return null;
        }
    }

    private void AnswerWith(Problem problem)
    {
        if (HttpContext is { Response.HasStarted: false } context)
        {
            context.Response.StatusCode = problem.HttpStatus;
            if (problem.Kind == ProblemKind.NotFound)
            {
                NotFoundProblem.Keep(context, problem);
            }
        }
    }
}
