package org.evcharging.central.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.evcharging.central.domain.model.chargingpoint.CpId;

/**
 * Which CPs this Central owns, when several Centrals share the database and Kafka. Ownership follows
 * the Monitor link: the Central a CP's Monitor is connected to takes the CP's lease, renews it while
 * it lives, and releases it when the link is lost; a dead Central's leases expire and are reaped or
 * taken by the Central the Monitor moved to. With one Central (not clustered) every CP is its own
 * and nothing here touches the database.
 */
@ApplicationScoped
public class Ownership {

    private static final Logger LOG = Logger.getLogger(Ownership.class.getName());

    @Inject
    CentralSettings settings;

    @Inject
    CpLeases leases;

    @Inject
    MonitorLinks links;

    @Inject
    SessionService sessions;

    @Inject
    AdoptedSessions adopted;

    @Inject
    ChargingPointService chargingPoints;

    @Inject
    CpCommandBus bus;

    @Inject
    CpCommandApplier applier;

    LongSupplier nanoTime = System::nanoTime;

    private final Set<CpId> held = ConcurrentHashMap.newKeySet();
    /** Commands for CPs held elsewhere, applied here (what the database shows done is skipped) if the CP comes here. */
    private final KeptCommands kept = new KeptCommands();
    static final int TAKE_BATCH = 200;
    private String me;
    private long renewedAtNanos;

    @PostConstruct
    void name() {
        // A new id per start: a restarted Central never takes its dead predecessor's leases for its own.
        me = settings.centralName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    public boolean clustered() {
        return settings.clustered();
    }

    /** This Central's id in leases and commands. */
    public String me() {
        return me;
    }

    /** Whether this Central acts on the CP: it holds its lease (always, with one Central). */
    public boolean heldHere(CpId id) {
        return !clustered() || held.contains(id);
    }

    /** The other Central that holds the CP now, if any (never, with one Central). */
    public Optional<String> heldElsewhere(CpId id) {
        if (!clustered() || held.contains(id)) {
            return Optional.empty();
        }
        return leases.holder(id).filter(holder -> !holder.equals(me));
    }

    /** Who holds which CP now; empty with one Central. */
    public Map<CpId, String> holders() {
        return clustered() ? leases.holders() : Map.of();
    }

    /** The CPs another live Central holds: this one leaves them (and their sessions) alone at start. */
    public Set<String> heldByOthers() {
        Set<String> others = new HashSet<>();
        holders().forEach((id, holder) -> {
            if (!holder.equals(me)) {
                others.add(id.value());
            }
        });
        return others;
    }

    /**
     * Sends the command to the CP's owner when that is another Central; false (nothing sent) when the
     * CP is this Central's to act on, or nobody's.
     */
    public boolean forwarded(CpCommand.Kind kind, CpId id, String body) {
        Optional<String> owner = heldElsewhere(id);
        if (owner.isEmpty()) {
            return false;
        }
        bus.send(new CpCommand(kind, id.value(), owner.get(), me, body));
        LOG.info(() -> "CP " + id + " is held by Central " + owner.get() + ": " + kind.wire() + " forwarded to it");
        return true;
    }

    /** Whether a command another Central sent is this one's to apply: addressed here, or for a CP held here now. */
    public boolean appliesHere(CpCommand command) {
        return me.equals(command.target()) || held.contains(CpId.of(command.cpId()));
    }

    /**
     * A command read from {@code cp_commands}: applied when it is this Central's; otherwise kept (see
     * {@link CentralSettings#commandsKept()}) and applied as late if the CP's lease comes here meanwhile (its holder may have
     * died with the command unapplied: a driver's request must not be lost).
     */
    public void received(CpCommand command) {
        if (appliesHere(command)) {
            applier.apply(command, false);
            return;
        }
        kept.keep(command, nanoTime.getAsLong());
    }

    /** A Monitor connected here for the CP: its lease is taken now if free, else at a later {@link #tick()}. */
    public void linked(CpId id) {
        if (clustered() && !held.contains(id)) {
            tryToTake(id, false);
        }
    }

    /**
     * The CP's Monitor link here is gone: DISCONNECTED and its lease released, unless another Central
     * took the CP meanwhile (then nothing is written: that Central's facts stand).
     */
    public void linkLost(CpId id) {
        if (!clustered()) {
            chargingPoints.linkLost(id);
            return;
        }
        held.remove(id);
        if (!leases.releaseAndDisconnect(id, me)) {
            LOG.info(() -> "CP " + id + ": link lost here, but Central " + leases.holder(id).orElse("(none)")
                    + " holds it now; its state is left as that Central wrote it");
        }
    }

    /**
     * Every lease period part: renews this Central's leases, takes those of CPs whose Monitor waits
     * here on standby, and reaps leases of dead Centrals.
     */
    public void tick() {
        if (!clustered()) {
            return;
        }
        renewMine();
        takeWaiting();
        for (CpId orphan : leases.expired()) {
            if (links.find(orphan).isPresent()) {
                // Its Monitor waits here and the lease ran out during this tick: taken, not written DISCONNECTED.
                tryToTake(orphan, true);
            } else {
                reap(orphan);
            }
            renewMineIfDue();
        }
        kept.forgetOlderThan(settings.commandsKept(), nanoTime.getAsLong());
    }

    private void renewMine() {
        List<CpId> mine = leases.renew(me, settings.leaseTerm());
        held.retainAll(mine);
        held.addAll(mine);
        renewedAtNanos = nanoTime.getAsLong();
    }

    // Taking over thousands of CPs from a dead Central outlasts a lease term: this Central's own
    // leases are renewed on the way, or its peers would reap CPs it holds alive.
    private void renewMineIfDue() {
        if (nanoTime.getAsLong() - renewedAtNanos > settings.leaseTerm().toNanos() / 3) {
            renewMine();
        }
    }

    private void applyKept(CpId id) {
        for (CpCommand command : kept.takeFor(id, nanoTime.getAsLong(), settings.commandsKept())) {
            LOG.info(() -> "CP " + id + ": " + command.kind().wire() + " sent to " + command.target()
                    + " before the CP came here is applied here");
            try {
                applier.apply(command, true);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "CP " + id + ": a kept " + command.kind().wire() + " failed", e);
            }
        }
    }

    /**
     * The CPs whose Monitors wait here on standby, in batches of one transaction each: after a Central
     * died thousands wait, and one transaction per CP made the survivor take them over for many seconds.
     */
    private void takeWaiting() {
        List<CpId> waiting = links.linkedCps().stream().filter(id -> !held.contains(id)).toList();
        for (int from = 0; from < waiting.size(); from += TAKE_BATCH) {
            takeAll(waiting.subList(from, Math.min(waiting.size(), from + TAKE_BATCH)));
            renewMineIfDue();
        }
    }

    private void takeAll(List<CpId> batch) {
        List<CpId> taken;
        try {
            taken = leases.acquireAll(batch, me, settings.leaseTerm());
        } catch (RuntimeException raced) {
            // Another Central wrote one of these rows at the same moment: one at a time, as a single link is.
            LOG.log(Level.FINE, "A batch of " + batch.size() + " leases raced; taken one by one", raced);
            batch.forEach(id -> tryToTake(id, true));
            return;
        }
        List<CpId> fresh = taken.stream().filter(held::add).toList();
        if (fresh.isEmpty()) {
            return;
        }
        LOG.info(() -> fresh.size() + " CPs are held by this Central (" + me + ") now, " + fresh.get(0) + " first");
        try {
            chargingPoints.monitorsConnected(fresh.stream().filter(this::registeredHere).toList());
            adopted.adoptAll(fresh);
        } catch (RuntimeException conflict) {
            // One CP changed meanwhile (its Monitor, the operator): each is written on its own.
            LOG.log(Level.FINE, "Writing " + fresh.size() + " taken CPs at once failed; one by one", conflict);
            fresh.forEach(this::writeTaken);
        }
        fresh.forEach(id -> {
            sessions.monitorBack(id);
            applyKept(id);
        });
    }

    private void writeTaken(CpId id) {
        try {
            if (registeredHere(id)) {
                chargingPoints.monitorConnected(id);
            }
            adopted.adopt(id, false);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "CP " + id + ": taken, but its state could not be written; its next report writes it", e);
        }
    }

    /** Its Monitor registered on this Central's link (not one still waiting for the operator). */
    private boolean registeredHere(CpId id) {
        return links.find(id).filter(l -> l.pendingAuthMessageId() == null).isPresent();
    }

    private void tryToTake(CpId id, boolean fromStandby) {
        try {
            if (leases.acquire(id, me, settings.leaseTerm()) && held.add(id)) {
                LOG.info(() -> "CP " + id + " is held by this Central (" + me + ") now");
                if (fromStandby && registeredHere(id)) {
                    // Its Monitor registered while another Central held it: the facts are written again here.
                    chargingPoints.monitorConnected(id);
                }
                adopted.adopt(id, false);
                sessions.monitorBack(id);
                applyKept(id);
            }
        } catch (RuntimeException raced) {
            // Another Central created or took the row at the same moment: the next tick looks again.
            LOG.log(Level.FINE, "CP " + id + ": lease not taken this time", raced);
        }
    }

    private void reap(CpId id) {
        try {
            if (!held.contains(id) && leases.reap(id)) {
                LOG.warning(() -> "CP " + id + ": its Central stopped renewing the lease; DISCONNECTED until its Monitor connects again");
                adopted.adopt(id, true);
            }
        } catch (RuntimeException raced) {
            LOG.log(Level.FINE, "CP " + id + ": not reaped this time", raced);
        }
    }
}
