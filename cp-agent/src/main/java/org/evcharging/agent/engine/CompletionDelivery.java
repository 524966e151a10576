package org.evcharging.agent.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.evcharging.agent.console.EventLog;
import org.evcharging.agent.runtime.EventLoop;
import org.evcharging.api.Topics;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.model.SessionEnding;
import org.evcharging.kafka.client.RecordPublisher;

/**
 * Carries every final report to both of its destinations, Kafka and the CP's Monitor, and keeps it
 * (on disk, through the {@code persist} callback) until both took it. Runs on the Engine's loop.
 */
final class CompletionDelivery {

    static final Duration KAFKA_RETRY_DELAY = Duration.ofSeconds(5);

    /** One report and how far it got; {@code publishing} is not persisted (a restart publishes again). */
    private static final class Entry {
        final ChargeCompletion completion;
        boolean kafkaAcked;
        boolean handedToMonitor;
        boolean withheld;
        boolean publishing;

        Entry(PendingCompletion saved) {
            this.completion = saved.completion();
            this.kafkaAcked = saved.kafkaAcked();
            this.handedToMonitor = saved.handedToMonitor();
            this.withheld = saved.withheld();
        }

        PendingCompletion snapshot() {
            return new PendingCompletion(completion, kafkaAcked, handedToMonitor, withheld);
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final RecordPublisher kafka;
    private final EventLoop loop;
    private final EventLog log;
    private Runnable persist = () -> { };

    CompletionDelivery(RecordPublisher kafka, EventLoop loop, EventLog log) {
        this.kafka = kafka;
        this.loop = loop;
        this.log = log;
    }

    void persistWith(Runnable persist) {
        this.persist = persist;
    }

    /**
     * Start-up: the reports found on disk go out again (a fault simulated before the restart no
     * longer holds them back), and a supply cut short by a crash is closed with the energy of its
     * last saved tick.
     */
    void recover(EngineState saved) {
        for (PendingCompletion p : saved.pending()) {
            Entry entry = new Entry(p);
            entry.withheld = false;
            entries.add(entry);
        }
        Supply interrupted = saved.supply();
        if (interrupted != null) {
            ChargeCompletion report = interrupted.completion(SessionEnding.ENGINE_FAULT);
            log.event("Interrupted session " + interrupted.sessionId() + " found on disk: closed with "
                    + ChargeTicket.amounts(report) + " ended_by=" + report.endedBy());
            entries.add(new Entry(new PendingCompletion(report, false, false, false)));
        }
        persist.run();
        deliverAll(null);
        if (!entries.isEmpty()) {
            log.event(entries.size() + " completion(s) waiting for delivery to Kafka and the Monitor");
        }
    }

    /** Records a new report (saved before anything is sent) and delivers it unless {@code withheld}. */
    void add(ChargeCompletion completion, boolean withheld, BoundMonitor monitor) {
        entries.add(new Entry(new PendingCompletion(completion, false, false, withheld)));
        persist.run();
        if (!withheld) {
            deliverAll(monitor);
        }
    }

    /** The Engine recovered from a fault: what it held back goes out now. */
    void releaseWithheld(BoundMonitor monitor) {
        entries.forEach(entry -> entry.withheld = false);
        persist.run();
        deliverAll(monitor);
    }

    /** Hands every report not yet taken by a Monitor of its CP to {@code monitor}, and publishes what Kafka lacks. */
    void deliverAll(BoundMonitor monitor) {
        boolean changed = false;
        for (Entry entry : List.copyOf(entries)) {
            if (entry.withheld) {
                continue;
            }
            if (!entry.handedToMonitor && monitor != null && monitor.serves(entry.completion.cpId())
                    && monitor.send(entry.completion)) {
                entry.handedToMonitor = true;
                changed = true;
                log.event("Completion of session " + entry.completion.sessionId() + " sent to the Monitor");
            }
            if (!entry.kafkaAcked && !entry.publishing) {
                publish(entry);
            }
        }
        if (changed) {
            settle();
        }
    }

    List<PendingCompletion> snapshot() {
        return entries.stream().map(Entry::snapshot).toList();
    }

    int waiting() {
        return entries.size();
    }

    private void publish(Entry entry) {
        entry.publishing = true;
        kafka.publish(Topics.CHARGING_SESSION_COMPLETE, entry.completion,
                error -> loop.execute(() -> published(entry, error)));
    }

    private void published(Entry entry, Exception error) {
        entry.publishing = false;
        if (error == null) {
            entry.kafkaAcked = true;
            log.event("Completion of session " + entry.completion.sessionId() + " delivered to Kafka");
            settle();
            return;
        }
        log.event("Kafka has not taken the completion of session " + entry.completion.sessionId()
                + " yet; retrying in " + KAFKA_RETRY_DELAY.toSeconds() + "s");
        loop.after(KAFKA_RETRY_DELAY, () -> {
            if (entries.contains(entry) && !entry.kafkaAcked && !entry.publishing) {
                publish(entry);
            }
        });
    }

    /** Forgets the reports both destinations took, and saves. */
    private void settle() {
        entries.removeIf(entry -> entry.snapshot().settled());
        persist.run();
    }
}
