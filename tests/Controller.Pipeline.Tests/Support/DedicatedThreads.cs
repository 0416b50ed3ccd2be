namespace Controller.Pipeline.Tests.Support;

/// <summary>
/// Runs stress bodies each on its own new <see cref="Thread"/> (never the thread pool), waits for all and
/// rethrows any failure on the test thread. A body that throws aborts the others through
/// <see cref="StressAbort"/>; a hang ends in a test failure rather than a stuck test run.
/// </summary>
public static class DedicatedThreads
{
    /// <summary>A guard against hangs, not a timing assertion: a healthy run needs a small fraction of it.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(90);

    public static void Run(StressAbort abort, params Action[] bodies)
    {
        var errors = new Exception?[bodies.Length];
        var threads = new Thread[bodies.Length];
        for (int i = 0; i < bodies.Length; i++)
        {
            int index = i;
            threads[i] = new Thread(() =>
            {
                try
                {
                    bodies[index]();
                }
                catch (Exception e)
                {
                    errors[index] = e;
                    abort.Abort();
                }
            })
            {
                IsBackground = true,
                Name = $"pipeline-test-{index}",
            };
        }

        foreach (var thread in threads) thread.Start();

        bool hung = false;
        foreach (var thread in threads)
        {
            if (!thread.Join(HangGuard))
            {
                hung = true;
                abort.Abort();
                thread.Join(TimeSpan.FromSeconds(10));
            }
        }

        var failures = errors.Where(e => e is not null and not OperationCanceledException).Cast<Exception>().ToList();
        if (failures.Count == 1) throw new Xunit.Sdk.XunitException($"A stress thread failed: {failures[0]}");
        if (failures.Count > 1) throw new AggregateException("Stress threads failed.", failures);
        if (hung) throw new Xunit.Sdk.XunitException($"A stress thread did not finish within {HangGuard} (hang).");
        if (errors.Any(e => e is not null)) throw new Xunit.Sdk.XunitException("A stress thread was aborted without a recorded cause.");
    }
}
