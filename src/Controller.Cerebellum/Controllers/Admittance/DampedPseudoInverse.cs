namespace Controller.Cerebellum.Controllers.Admittance;

/// <summary>
/// Δq = Jᵀ(JJᵀ + λ²I)⁻¹·Δx for a 6×n Jacobian (row-major), in preallocated memory: the 6×6 system is symmetric
/// positive-definite for any λ &gt; 0, so a Cholesky factorisation always succeeds and nothing can blow up at a
/// singularity (damped least squares, Nakamura and Wampler).
/// </summary>
internal sealed class DampedPseudoInverse
{
    private readonly int _n;
    private readonly double[] _a = new double[36];
    private readonly double[] _y = new double[6];

    public DampedPseudoInverse(int joints) => _n = joints;

    /// <summary>Writes Δq (n entries) for the Cartesian displacement <paramref name="dx"/> (6 entries). Returns false for non-finite input.</summary>
    public bool Solve(ReadOnlySpan<double> jacobian, ReadOnlySpan<double> dx, double lambda, Span<double> dq)
    {
        int n = _n;
        double l2 = lambda * lambda;
        for (int r = 0; r < 6; r++)
        {
            ReadOnlySpan<double> rowR = jacobian.Slice(r * n, n);
            for (int c = 0; c <= r; c++)
            {
                ReadOnlySpan<double> rowC = jacobian.Slice(c * n, n);
                double sum = 0;
                for (int k = 0; k < n; k++) sum += rowR[k] * rowC[k];
                _a[r * 6 + c] = sum + (r == c ? l2 : 0);
            }
        }
        // Cholesky in place (lower triangle).
        for (int j = 0; j < 6; j++)
        {
            double d = _a[j * 6 + j];
            for (int k = 0; k < j; k++) d -= _a[j * 6 + k] * _a[j * 6 + k];
            if (!(d > 0)) return false;
            d = Math.Sqrt(d);
            _a[j * 6 + j] = d;
            for (int i = j + 1; i < 6; i++)
            {
                double s = _a[i * 6 + j];
                for (int k = 0; k < j; k++) s -= _a[i * 6 + k] * _a[j * 6 + k];
                _a[i * 6 + j] = s / d;
            }
        }
        // L·z = dx, then Lᵀ·y = z.
        for (int i = 0; i < 6; i++)
        {
            double s = dx[i];
            for (int k = 0; k < i; k++) s -= _a[i * 6 + k] * _y[k];
            _y[i] = s / _a[i * 6 + i];
        }
        for (int i = 5; i >= 0; i--)
        {
            double s = _y[i];
            for (int k = i + 1; k < 6; k++) s -= _a[k * 6 + i] * _y[k];
            _y[i] = s / _a[i * 6 + i];
        }
        for (int k = 0; k < n; k++)
        {
            double s = 0;
            for (int r = 0; r < 6; r++) s += jacobian[r * n + k] * _y[r];
            dq[k] = s;
        }
        for (int k = 0; k < n; k++)
            if (!double.IsFinite(dq[k])) return false;
        return true;
    }
}
