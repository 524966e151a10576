package org.evcharging.central.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.evcharging.api.model.SessionEnding;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.model.session.ChargingSession;
import org.evcharging.central.domain.model.session.LiveSession;

/**
 * Sessions this Central follows live without having opened them: those left running when it
 * (re)started, and those on CPs whose lease it takes from another Central. Each is followed once;
 * its ending is then {@link SessionService}'s as for any other.
 */
@ApplicationScoped
public class AdoptedSessions {

    private static final Logger LOG = Logger.getLogger(AdoptedSessions.class.getName());

    @Inject
    SessionStore store;

    @Inject
    RunningSessions running;

    @Inject
    CentralSettings settings;

    @Inject
    Ownership ownership;

    @Inject
    ReturningMonitors returning;

    LongSupplier nanoTime = System::nanoTime;

    /** Central (re)started: CPs are loaded, and sessions left running are followed again until their CPs report. */
    public int resumeAfterRestart() {
        long now = nanoTime.getAsLong();
        Duration grace = settings.sessionRestartGrace();
        SessionStore.AtStart found = store.loadAtStart(ownership.heldByOthers());
        if (!ownership.clustered()) {
            // Clustered, its Monitors went to another Central and stay there.
            returning.expect(found.linkedBefore());
        }
        List<ChargingSession> unfinished = found.unfinished();
        for (ChargingSession session : unfinished) {
            if (running.get(session.id()).isEmpty()) {
                LiveSession live = LiveSession.of(session, now + grace.toNanos());
                live.requestEnding(SessionEnding.CENTRAL_LOST, now, grace);
                running.add(live);
            }
        }
        LOG.info(() -> unfinished.size() + " sessions were running when Central stopped; waiting for their CPs' results");
        return unfinished.size();
    }

    /**
     * This Central just took the CP's lease: the session open on it (opened or last followed by
     * another Central) is followed here from now on. {@code presumedLost}: nobody hears the CP (its
     * Central died): it is followed as after a lost Monitor, until news or the grace.
     */
    public void adopt(CpId cpId, boolean presumedLost) {
        store.unfinishedOn(cpId).ifPresent(session -> follow(session, presumedLost));
    }

    /** As {@link #adopt(CpId, boolean)} for many CPs this Central took at once (their Monitors are here), with one query. */
    public void adoptAll(Collection<CpId> cpIds) {
        Set<String> taken = cpIds.stream().map(CpId::value).collect(Collectors.toSet());
        store.unfinished().stream().filter(session -> taken.contains(session.cpId())).forEach(session -> follow(session, false));
    }

    private void follow(ChargingSession session, boolean presumedLost) {
        if (running.get(session.id()).isPresent()) {
            return;
        }
        long now = nanoTime.getAsLong();
        LiveSession live = LiveSession.of(session, now + settings.sessionStartTimeout().toNanos());
        if (presumedLost) {
            live.requestEnding(SessionEnding.MONITOR_LOST, now, settings.monitorLostGrace());
        }
        running.add(live);
        LOG.info(() -> "Session " + session.id() + " at CP " + session.cpId() + " is followed by this Central now");
    }
}
