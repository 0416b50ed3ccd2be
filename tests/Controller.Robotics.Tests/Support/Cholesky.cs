namespace Controller.Robotics.Tests.Support;

/// <summary>Positive-definiteness check for tests: Cholesky succeeds iff the symmetric matrix is positive-definite.</summary>
internal static class Cholesky
{
    public static bool TryFactor(double[] matrix, int n)
    {
        var l = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            double d = matrix[j * n + j];
            for (int k = 0; k < j; k++)
            {
                d -= l[j * n + k] * l[j * n + k];
            }

            if (!(d > 0))
            {
                return false;
            }

            l[j * n + j] = Math.Sqrt(d);
            for (int i = j + 1; i < n; i++)
            {
                double s = matrix[i * n + j];
                for (int k = 0; k < j; k++)
                {
                    s -= l[i * n + k] * l[j * n + k];
                }

                l[i * n + j] = s / l[j * n + j];
            }
        }

        return true;
    }
}
