package org.evcharging.agent.driver;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.evcharging.api.Topics;
import org.evcharging.api.message.DriverScoped;
import org.evcharging.api.message.WireMessage;
import org.evcharging.kafka.client.RecordPublisher;
import org.evcharging.kafka.client.ResponseListener;

/**
 * The driver's two ends of Kafka: requests out (keyed by driver id, through the shared
 * {@link RecordPublisher}) and answers in (the shared {@link ResponseListener}, which reads
 * {@code driver_responses} from its end without a consumer group), matched to their request by
 * message id.
 */
final class DriverLink implements AutoCloseable {

    static final String NO_CENTRAL = "Cannot connect to CENTRAL";

    private final RecordPublisher publisher;
    private final PendingRequests pending;
    private final DriverView view;
    private final Duration answerTimeout;
    private ResponseListener listener;

    DriverLink(DriverOptions options, PendingRequests pending, DriverView view) {
        this.publisher = new RecordPublisher(options.bootstrapServers(), "driver-" + options.driverId());
        this.pending = pending;
        this.view = view;
        this.answerTimeout = options.answerTimeout();
    }

    /** Starts listening; returns once answers to our next requests can no longer be missed. */
    void listen(String bootstrapServers, String driverId, Consumer<WireMessage> handler) throws InterruptedException {
        listener = ResponseListener.start(bootstrapServers, "driver-" + driverId + "-responses",
                Topics.DRIVER_RESPONSES, (message, kafkaTimestamp) -> {
                    // Every driver's answers share the topic; only ours are of interest here.
                    if (message instanceof DriverScoped scoped && driverId.equals(scoped.driverId())) {
                        handler.accept(message);
                    }
                },
                why -> view.line("Waiting for Kafka at " + bootstrapServers + ": " + why));
        listener.awaitPositioned();
    }

    /** Sends {@code request} and waits for its answer; empty (after saying so) when none came in time. */
    Optional<WireMessage> ask(WireMessage request) throws InterruptedException {
        CompletableFuture<WireMessage> answer = send(request);
        return await(answer);
    }

    /**
     * Sends {@code request} until Central answers. The resend carries the same message id, so
     * Central, which acts on each id once (a charge request opens one session however often it
     * arrives), never acts on it twice; a repeated answer is shown once.
     */
    WireMessage askUntilAnswered(WireMessage request) throws InterruptedException {
        CompletableFuture<WireMessage> answer = send(request);
        while (true) {
            Optional<WireMessage> reply = await(answer);
            if (reply.isPresent()) {
                return reply.get();
            }
            publish(request);
        }
    }

    /** Sends {@code request} without waiting: its answer, if any, is shown when it comes. */
    void tell(WireMessage request) {
        publish(request);
    }

    private CompletableFuture<WireMessage> send(WireMessage request) {
        CompletableFuture<WireMessage> answer = pending.expect(request.messageId());
        publish(request);
        view.line("Request sent");
        return answer;
    }

    private void publish(WireMessage request) {
        publisher.publish(Topics.requestTopicFor(request), request, error -> {
            if (error != null) {
                view.line("Could not send " + request.type() + ": " + error.getMessage());
            }
        });
    }

    private Optional<WireMessage> await(CompletableFuture<WireMessage> answer) throws InterruptedException {
        try {
            return Optional.of(answer.get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            view.line(NO_CENTRAL);
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("An answer future never fails", e);
        }
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close();
        }
        publisher.close(Duration.ofSeconds(3));
    }
}
