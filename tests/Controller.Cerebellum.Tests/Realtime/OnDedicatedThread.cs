namespace Controller.Cerebellum.Tests.Realtime;

/// <summary>
/// Runs test code on a new thread that ends afterwards, so scheduling changes never reach the test runner's threads.
/// </summary>
internal static class OnDedicatedThread
{
    public static T Run<T>(Func<T> body)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = body();
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null) throw new InvalidOperationException("the dedicated thread failed", failure);
        return result;
    }
}
