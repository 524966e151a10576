package org.evcharging.central.domain.model.session;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where charging sessions are kept. Callers run inside a transaction. */
public interface ChargingSessionRepository {

    Optional<ChargingSession> find(String sessionId);

    void add(ChargingSession session);

    /** Sessions not finished yet (authorized or supplying), e.g. when Central restarts. */
    List<ChargingSession> findUnfinished();

    /** The session not finished yet on a CP, if any (a CP supplies one driver at a time). */
    Optional<ChargingSession> findUnfinishedOn(String cpId);

    /** A driver's sessions, newest first. */
    List<ChargingSession> findByDriver(String driverId, int limit);

    List<ChargingSession> findAll(int limit);

    /** Count, energy and revenue of every session, and how many were requested since {@code sinceMillis}. */
    SessionTotals totals(long sinceMillis);

    /** The session a charge request opened, if any: Kafka may deliver the same request again. */
    Optional<ChargingSession> findByRequest(String requestMessageId);

    /** The sessions any of these charge requests opened, in one look-up. */
    List<ChargingSession> findByRequests(Collection<String> requestMessageIds);
}
