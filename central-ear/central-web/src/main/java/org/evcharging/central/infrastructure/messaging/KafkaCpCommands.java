package org.evcharging.central.infrastructure.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.logging.Logger;

import org.evcharging.central.application.CpCommand;
import org.evcharging.central.application.CpCommandBus;
import org.evcharging.central.application.Ownership;
import org.evcharging.central.infrastructure.config.CentralConfig;
import org.evcharging.kafka.client.ResponseListener;

/**
 * The {@code cp_commands} topic, keyed by cp_id: a clustered Central writes there what the owner of a
 * CP must do, and reads all of it (every partition, no consumer group, from its end at start), handing
 * every command to {@link Ownership}, which applies those that are this Central's. A record it cannot
 * read is logged and skipped.
 */
@ApplicationScoped
public class KafkaCpCommands implements CpCommandBus {

    private static final Logger LOG = Logger.getLogger(KafkaCpCommands.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String TYPE = "cp_command";

    @Inject
    KafkaRecords records;

    @Inject
    CentralConfig config;

    @Inject
    Ownership ownership;

    /** The listener's own thread gets the application's context (transactions, the persistence unit). */
    @Resource
    ContextService context;

    private ResponseListener listener;

    @Override
    public void send(CpCommand command) {
        records.send(config.commandsTopic(), command.cpId(), toJson(command));
    }

    void start(@Observes @Priority(70) Startup event) {
        if (!config.clustered()) {
            return;
        }
        String clientId = "ev-central-commands-" + ownership.me().replaceAll("[^A-Za-z0-9._-]", "-");
        listener = ResponseListener.startRaw(config.brokerAddress(), clientId, config.commandsTopic(),
                context.contextualConsumer(this::received),
                reason -> LOG.warning(() -> "Waiting to read " + config.commandsTopic() + ": " + reason));
    }

    void stop(@Observes Shutdown event) {
        if (listener != null) {
            listener.close();
        }
    }

    private void received(String json) {
        Optional<CpCommand> command = fromJson(json);
        if (command.isEmpty()) {
            LOG.warning(() -> "Skipped an unreadable record of " + config.commandsTopic() + ": " + json);
            return;
        }
        ownership.received(command.get());
    }

    static String toJson(CpCommand command) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", TYPE);
        node.put("command", command.kind().wire());
        node.put("cp_id", command.cpId());
        node.put("target", command.target());
        node.put("origin", command.origin());
        if (command.body() != null) {
            node.put("body", command.body());
        }
        return node.toString();
    }

    static Optional<CpCommand> fromJson(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !TYPE.equals(node.path("type").asText()) || !node.hasNonNull("cp_id")) {
                return Optional.empty();
            }
            return CpCommand.Kind.fromWire(node.path("command").asText()).map(kind -> new CpCommand(kind,
                    node.path("cp_id").asText(), node.path("target").asText(), node.path("origin").asText(),
                    node.hasNonNull("body") ? node.path("body").asText() : null));
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
