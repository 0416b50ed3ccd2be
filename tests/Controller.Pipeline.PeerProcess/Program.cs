using Controller.Pipeline.Memory;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;
using Controller.Pipeline.Time;

// The peer process for the cross-process tests. Every ring holds Wrench messages: the message type must
// be the very same type (same full name and fields) on both sides, so it comes from Controller.Pipeline.
//
//   echo <ringInPath> <ringOutPath> <count>   consume <count> messages from ringIn and write each to ringOut,
//                                             with TorqueZNm set to this process's id; exit 0
//   hold-producer <path> <count>              take ringIn's producer end, heartbeat, write <count> messages
//                                             (Header.Sequence 0..count-1), then heartbeat until killed
//   take-producer <path>                      try to take the producer end: print "taken" and exit 0, or
//                                             print "refused: <message>" and exit 3
//
// Exit codes: 0 done, 2 bad usage, 3 refused, 4 gave up (the parent died or the safety deadline passed).
// The parent's pid is read from CTLPIPE_PEER_PARENT_PID so an orphaned peer never spins forever.

const int Usage = 2, Refused = 3, GaveUp = 4;
TimeSpan safetyDeadline = TimeSpan.FromMinutes(2);
long startNs = MonotonicClock.Now();
long parentPid = long.TryParse(Environment.GetEnvironmentVariable("CTLPIPE_PEER_PARENT_PID"), out long p) ? p : 0;

bool ShouldGiveUp() =>
    (parentPid > 0 && !ProcessProbe.IsAlive(parentPid)) ||
    MonotonicClock.Now() - startNs > (long)safetyDeadline.TotalNanoseconds;

try
{
    return args switch
    {
        ["echo", var inPath, var outPath, var countText] when int.TryParse(countText, out int count) => Echo(inPath, outPath, count),
        ["hold-producer", var path, var countText] when int.TryParse(countText, out int count) => HoldProducer(path, count),
        ["take-producer", var path] => TakeProducer(path),
        _ => PrintUsage(),
    };
}
catch (Exception e)
{
    Console.Error.WriteLine(e);
    return 1;
}

int PrintUsage()
{
    Console.Error.WriteLine("usage: echo <ringIn> <ringOut> <count> | hold-producer <path> <count> | take-producer <path>");
    return Usage;
}

int Echo(string inPath, string outPath, int count)
{
    using var inRing = SpscRing<Wrench>.OpenShared(inPath);
    using var outRing = SpscRing<Wrench>.OpenShared(outPath);
    using var consumer = inRing.TakeConsumer();
    using var producer = outRing.TakeProducer();
    double me = Environment.ProcessId;
    var spinner = new SpinWait();
    for (int echoed = 0; echoed < count;)
    {
        if (!consumer.TryRead(out Wrench message))
        {
            if (!Wait(ref spinner)) return GaveUp;
            continue;
        }
        message.TorqueZNm = me;
        while (!producer.TryWrite(message))
        {
            if (!Wait(ref spinner)) return GaveUp;
        }
        spinner.Reset();
        echoed++;
    }
    return 0;
}

int HoldProducer(string path, int count)
{
    using var ring = SpscRing<Wrench>.OpenShared(path);
    var producer = ring.TakeProducer();
    producer.Heartbeat(MonotonicClock.Now());
    for (int i = 0; i < count; i++)
    {
        var message = new Wrench { Header = new MessageHeader(i, MonotonicClock.Now()), SensorIndex = i };
        if (!producer.TryWrite(message))
        {
            Console.Error.WriteLine($"ring full at message {i}");
            return 1;
        }
    }
    Console.WriteLine("holding");
    while (!ShouldGiveUp())
    {
        producer.Heartbeat(MonotonicClock.Now());
        Thread.Sleep(5);
    }
    // Deliberately never disposes the producer: only a kill is expected to end this mode.
    return GaveUp;
}

int TakeProducer(string path)
{
    using var ring = SpscRing<Wrench>.OpenShared(path);
    try
    {
        using var producer = ring.TakeProducer();
        Console.WriteLine("taken");
        return 0;
    }
    catch (InvalidOperationException e)
    {
        Console.WriteLine($"refused: {e.Message}");
        return Refused;
    }
}

bool Wait(ref SpinWait spinner)
{
    if (spinner.NextSpinWillYield && ShouldGiveUp()) return false;
    spinner.SpinOnce(sleep1Threshold: -1);
    return true;
}
