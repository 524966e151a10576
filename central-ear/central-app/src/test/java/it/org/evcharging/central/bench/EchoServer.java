package it.org.evcharging.central.bench;

import java.net.InetSocketAddress;

import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.ParseResult;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.monitor.AuthRequest;
import org.evcharging.api.message.monitor.AuthResponse;
import org.evcharging.api.net.FrameConnection;
import org.evcharging.api.net.FrameServer;
import org.evcharging.api.protocol.Framing;

/**
 * The benchmark's baseline, run as its own JVM like Central: the same frame server answering every
 * message at once, with none of Central's logic. Prints {@code PORT <n>} when listening.
 */
public final class EchoServer {

    private EchoServer() {
    }

    public static void main(String[] args) throws Exception {
        FrameServer server = new FrameServer(new InetSocketAddress("localhost", 0), Framing.DEFAULT_MAX_PAYLOAD,
                1 << 20, connection -> EchoServer::answer).bind();
        System.out.println("PORT " + server.localPort());
        System.out.flush();
        server.run();
    }

    private static void answer(FrameConnection connection, byte[] payload) {
        if (!(MessageCodec.parse(payload) instanceof ParseResult.Parsed parsed)) {
            return;
        }
        WireMessage message = parsed.message();
        WireMessage reply = message instanceof AuthRequest auth
                ? AuthResponse.alreadyRegistered(auth.messageId(), auth.id())
                : Response.success(MessageType.fromWire(message.type()).orElseThrow(), message.messageId(), "ok");
        connection.send(MessageCodec.toBytes(reply));
    }
}
