using System.Net;
using System.Net.Sockets;
using Controller.Hardware.Protocols.Ati;

namespace Controller.Cli.Commands;

/// <summary>
/// Asks an ATI Net F/T for one RDT record: a real-time streaming request for one sample, then a Stop in case the box
/// ignores the count (ATI Net F/T manual, "Raw Data Transfer (RDT)").
/// </summary>
internal static class NetFtProbe
{
    /// <summary>The first record the box sends, or null when none arrives within <paramref name="timeout"/>.</summary>
    /// <exception cref="SocketException">The host cannot be resolved or reached.</exception>
    public static RdtRecord? RequestOne(string host, int port, TimeSpan timeout)
    {
        var addresses = Dns.GetHostAddresses(host);
        var address = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.First();
        using var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Connect(new IPEndPoint(address, port));
        var request = new byte[Rdt.RequestLength];
        Rdt.EncodeRequest(request, RdtCommand.StartRealtimeStreaming, 1);
        socket.Send(request);
        try
        {
            var datagram = new byte[1500];
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                var remaining = deadline - DateTime.UtcNow;
                if (remaining <= TimeSpan.Zero || !socket.Poll(remaining, SelectMode.SelectRead)) return null;
                int n;
                try { n = socket.Receive(datagram); }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused) { return null; } // ICMP port unreachable: nobody listens there
                if (Rdt.TryDecodeRecord(datagram.AsSpan(0, n), out var record)) return record;
            }
        }
        finally
        {
            Rdt.EncodeRequest(request, RdtCommand.Stop, 0);
            try { socket.Send(request); }
            catch (SocketException) { /* the box is gone; nothing to stop */ }
        }
    }
}
