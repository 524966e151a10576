package org.evcharging.central.infrastructure.ocpp;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.evcharging.central.domain.model.chargingpoint.CpId;

/**
 * ws://central:port/ocpp/{chargePointId} with subprotocol ocpp1.6. A client that offers no
 * ocpp1.6 completes the handshake without a subprotocol and is closed at once, as OCPP-J requires.
 */
@ServerEndpoint(value = OcppEndpoint.PATH_PREFIX + "{chargePointId}", subprotocols = OcppEndpoint.SUBPROTOCOL)
public class OcppEndpoint {

    public static final String PATH_PREFIX = "/ocpp/";
    public static final String SUBPROTOCOL = "ocpp1.6";
    private static final Logger LOG = Logger.getLogger(OcppEndpoint.class.getName());
    private static final String CONNECTION = OcppConnection.class.getName();
    /** Largest text frame taken from a charger; larger ones are closed by the container (1009). */
    private static final int MAX_MESSAGE_CHARS = 65_536;

    // The container, not CDI, creates endpoint instances (one per connection): the bean is looked up.
    private final OcppChargers chargers = CDI.current().select(OcppChargers.class).get();

    @OnOpen
    public void open(Session session, @PathParam("chargePointId") String chargePointId) throws IOException {
        if (!SUBPROTOCOL.equals(session.getNegotiatedSubprotocol())) {
            session.close(new CloseReason(CloseReason.CloseCodes.PROTOCOL_ERROR, "Subprotocol " + SUBPROTOCOL + " required"));
            return;
        }
        session.setMaxTextMessageBufferSize(MAX_MESSAGE_CHARS);
        session.getUserProperties().put(CONNECTION, chargers.opened(CpId.of(chargePointId), new SessionSocket(session)));
    }

    @OnMessage
    public void message(Session session, String text) {
        OcppConnection connection = connection(session);
        if (connection != null) {
            connection.received(text);
        }
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        OcppConnection connection = connection(session);
        if (connection != null) {
            session.getUserProperties().remove(CONNECTION);
            chargers.closed(connection, "WebSocket closed (" + reason.getCloseCode().getCode() + " " + reason.getReasonPhrase() + ")");
        }
    }

    @OnError
    public void error(Session session, Throwable failure) {
        LOG.log(Level.FINE, "OCPP WebSocket error", failure);
        OcppConnection connection = connection(session);
        if (connection != null) {
            session.getUserProperties().remove(CONNECTION);
            chargers.closed(connection, "WebSocket error: " + failure);
        }
    }

    private static OcppConnection connection(Session session) {
        return (OcppConnection) session.getUserProperties().get(CONNECTION);
    }

    /**
     * Sends on one WebSocket session; whole messages, one at a time, from any thread. Writers take a
     * lock of their own, not the container's Session object, whose monitor the container may hold.
     */
    private static final class SessionSocket implements OcppConnection.Socket {

        private final Session session;
        private final Object writing = new Object();

        SessionSocket(Session session) {
            this.session = session;
        }

        @Override
        public boolean sendText(String text) {
            if (!session.isOpen()) {
                return false;
            }
            try {
                synchronized (writing) {
                    session.getBasicRemote().sendText(text);
                }
                return true;
            } catch (IOException | IllegalStateException e) {
                LOG.fine(() -> "OCPP send failed: " + e);
                return false;
            }
        }

        @Override
        public void close(String reason) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, reason));
            } catch (IOException e) {
                LOG.fine(() -> "OCPP close failed: " + e);
            }
        }

        @Override
        public String remoteAddress() {
            Object address = session.getUserProperties().get("jakarta.websocket.endpoint.remoteAddress");
            return address != null ? address.toString() : session.getId();
        }
    }
}
