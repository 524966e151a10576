package org.evcharging.central.infrastructure.socket;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.monitor.CourseCommands;
import org.evcharging.api.net.FrameConnection;
import org.evcharging.api.net.FrameServer;
import org.evcharging.api.protocol.FrameRejection;
import org.evcharging.central.application.MonitorChannel;
import org.evcharging.central.domain.model.chargingpoint.CpId;

/**
 * One Monitor connection: decoded frames go, in order, to {@link MonitorProtocol} off the selector
 * thread; replies go back through {@link #send}, Central's commands as course protocol messages.
 */
final class MonitorConnectionHandler extends CourseCommands implements FrameServer.Handler, MonitorChannel {

    private static final Logger LOG = Logger.getLogger(MonitorConnectionHandler.class.getName());

    private final FrameConnection connection;
    private final MonitorProtocol protocol;
    private final SerialExecutor inOrder;
    private volatile CpId cpId;
    private volatile CpId admitted;

    MonitorConnectionHandler(FrameConnection connection, MonitorProtocol protocol, Executor pool) {
        this.connection = connection;
        this.protocol = protocol;
        this.inOrder = new SerialExecutor(pool);
    }

    @Override
    public void onFrame(FrameConnection c, byte[] payload) {
        // Alive as of arrival, not of processing: a Central that falls behind must not drop healthy CPs.
        protocol.arrived(this);
        inOrder.execute(() -> protocol.handle(this, payload));
    }

    @Override
    public void onRejected(FrameConnection c, FrameRejection rejection) {
        LOG.warning(() -> "Monitor " + describe() + " sent a bad frame (" + rejection + "); connection kept");
    }

    @Override
    public void onClosed(FrameConnection c, IOException cause) {
        inOrder.execute(() -> protocol.connectionLost(this, cause));
    }

    @Override
    public String id() {
        return connection.id();
    }

    @Override
    public boolean send(WireMessage message) {
        return connection.send(MessageCodec.toBytes(message));
    }

    @Override
    protected String commandedCp() {
        return cpId.value();
    }

    @Override
    public void close() {
        connection.close();
    }

    @Override
    public CpId cpId() {
        return cpId;
    }

    @Override
    public void speaksFor(CpId id) {
        this.cpId = id;
    }

    @Override
    public void admittedFor(CpId id) {
        this.admitted = id;
    }

    @Override
    public boolean isAdmittedFor(CpId id) {
        return id.equals(admitted);
    }

    String describe() {
        CpId id = cpId;
        return id == null ? connection.id() : id + "@" + connection.id();
    }
}
