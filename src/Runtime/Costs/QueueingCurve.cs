namespace VirtLang.Runtime.Costs;

/// <summary>
/// <see cref="QueueingDelay.ResponseFactor"/> of one host size, tabulated at every 1/1024 of utilization and linear in
/// between: every guest of every host asks for it every step, and a power with a fractional exponent there cost
/// more than the rest of the step's I/O physics. At the table's points the value is the formula's exactly; between
/// them, at most 0.01 % above it (the curve is convex; measured over host sizes 1 to 10,000).
/// </summary>
internal sealed class QueueingCurve
{
    private const int Resolution = 1024;

    private readonly double[] _factor;
    private readonly double _atMaximum;
    private readonly double _lastPoint;

    public QueueingCurve(double servers)
    {
        _factor = new double[(int)(QueueingDelay.MaxUtilization * Resolution) + 1];
        for (var i = 0; i < _factor.Length; i++)
        {
            _factor[i] = QueueingDelay.ResponseFactor(i / (double)Resolution, servers);
        }

        _atMaximum = QueueingDelay.ResponseFactor(QueueingDelay.MaxUtilization, servers);
        _lastPoint = (_factor.Length - 1) / (double)Resolution;
    }

    /// <summary>The response-time factor at <paramref name="utilization"/> (held at <see cref="QueueingDelay.MaxUtilization"/>).</summary>
    public double Factor(double utilization)
    {
        if (utilization <= 0)
        {
            return 1;
        }

        if (utilization >= QueueingDelay.MaxUtilization)
        {
            return _atMaximum;
        }

        if (utilization >= _lastPoint)
        {
            var t = (utilization - _lastPoint) / (QueueingDelay.MaxUtilization - _lastPoint);
            return _factor[^1] + (t * (_atMaximum - _factor[^1]));
        }

        var x = utilization * Resolution;
        var i = (int)x;
        return _factor[i] + ((x - i) * (_factor[i + 1] - _factor[i]));
    }
}
