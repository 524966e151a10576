package org.evcharging.api.message.monitor;

import java.math.BigDecimal;

import org.evcharging.api.message.WireMessage;

/**
 * Central's commands to one CP as the course protocol carries them to its Monitor; the connection
 * that extends this supplies the sending and the CP id. The methods match Central's
 * protocol-neutral command port, which such a connection implements through them.
 */
public abstract class CourseCommands {

    /** Sends a message to the Monitor; false when the connection is gone. */
    public abstract boolean send(WireMessage message);

    /** The id of the CP the commands are for. */
    protected abstract String commandedCp();

    public boolean startSupply(String sessionId, String driverId, BigDecimal pricePerKwh) {
        return send(StartChargingCommand.of(commandedCp(), sessionId, driverId, pricePerKwh.doubleValue()));
    }

    public boolean endSupply(String sessionId, String driverId) {
        return send(StopChargingSessionCommand.of(commandedCp(), sessionId, driverId));
    }

    public boolean outOfService() {
        return send(StopCpCommand.of(commandedCp()));
    }

    public boolean backInService() {
        return send(ResumeCpCommand.of(commandedCp()));
    }

    /** Central replaced the CP's payload key: an unsolicited {@code auth_response} success carrying the new one. */
    public boolean payloadKeyIssued(org.evcharging.api.security.PayloadSignature.Key key) {
        return send(AuthResponse.rekeyed(commandedCp()).withPayloadKey(key));
    }

    /** The operator's approval, echoing the id of the {@code auth_request} the Monitor waits on. */
    public boolean admitted(String waitingRequestId) {
        return send(AuthResponse.approved(waitingRequestId, commandedCp()));
    }

    /** The same approval carrying the CP's payload key (extra fields the first implementation's Monitor ignores). */
    public boolean admitted(String waitingRequestId, org.evcharging.api.security.PayloadSignature.Key key) {
        return send(AuthResponse.approved(waitingRequestId, commandedCp()).withPayloadKey(key));
    }
}
