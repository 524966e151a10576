package it.org.evcharging.central.bench;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.MessageType;
import org.evcharging.api.message.ParseResult;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.driver.ChargeRequest;
import org.evcharging.api.message.monitor.AuthRequest;
import org.evcharging.api.message.monitor.AuthResponse;
import org.evcharging.api.message.monitor.RegisterRequest;
import org.evcharging.api.message.monitor.StartChargingCommand;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.net.FrameConnection;
import org.evcharging.api.net.FrameServer;
import org.evcharging.api.protocol.Framing;

/**
 * The end-to-end benchmark's baseline, the physical floor, in its own JVM: the same frame server
 * Central uses answering every Monitor message at once, a bare Kafka consumer of the request topic
 * that writes the start frame to the CP's socket and produces the response (linger 0), a ticket for
 * each completion, and a consumer that only parses telemetry. No logic, no database, no container.
 * Prints {@code PORT <n>} when listening.
 *
 * <p>Args: bootstrap requestTopic responseTopic dataTopic telemetryGroup
 */
public final class BaselineRelay {

    private static final Map<String, FrameConnection> CPS = new ConcurrentHashMap<>();
    private static final Map<String, String> DRIVER_OF_SESSION = new ConcurrentHashMap<>();
    private static KafkaProducer<String, String> producer;
    private static String responseTopic;

    private BaselineRelay() {
    }

    public static void main(String[] a) throws Exception {
        String bootstrap = a[0];
        String requestTopic = a[1];
        responseTopic = a[2];
        String dataTopic = a[3];
        String telemetryGroup = a[4];
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new StringSerializer());
        producer.partitionsFor(responseTopic);
        FrameServer server = new FrameServer(new InetSocketAddress("localhost", 0), Framing.DEFAULT_MAX_PAYLOAD,
                1 << 20, connection -> BaselineRelay::answer).bind();
        Thread socketLoop = new Thread(server, "baseline-sockets");
        socketLoop.setDaemon(true);
        socketLoop.start();

        KafkaConsumer<String, String> requests = consumer(bootstrap, null);
        assignAtEnd(requests, requestTopic);
        Thread requestLoop = new Thread(() -> {
            while (true) {
                for (ConsumerRecord<String, String> record : requests.poll(Duration.ofMillis(100))) {
                    relay(record.value());
                }
            }
        }, "baseline-requests");
        requestLoop.setDaemon(true);
        requestLoop.start();

        KafkaConsumer<String, String> telemetry = consumer(bootstrap, telemetryGroup);
        assignAtEnd(telemetry, dataTopic);
        telemetry.commitSync();
        Thread telemetryLoop = new Thread(() -> {
            long parsed = 0;
            long reported = -1;
            long lastReport = 0;
            while (true) {
                ConsumerRecords<String, String> batch = telemetry.poll(Duration.ofMillis(100));
                for (ConsumerRecord<String, String> record : batch) {
                    if (MessageCodec.parse(record.value()) instanceof ParseResult.Parsed) {
                        parsed++;
                    }
                }
                if (!batch.isEmpty()) {
                    telemetry.commitAsync();
                    long now = System.currentTimeMillis();
                    if (now - lastReport >= 100) {
                        lastReport = now;
                        System.out.println("@TELEMETRY parsed=" + parsed + " ms=" + now);
                    }
                } else if (parsed != reported) {
                    reported = parsed;
                    System.out.println("@TELEMETRY parsed=" + parsed + " ms=" + System.currentTimeMillis());
                }
            }
        }, "baseline-telemetry");
        telemetryLoop.setDaemon(true);
        telemetryLoop.start();

        System.out.println("PORT " + server.localPort());
        System.out.flush();
        // Bounded: the orchestrator kills it, and it never outlives an hour on its own.
        telemetryLoop.join(Duration.ofHours(1).toMillis());
        System.exit(0);
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap, String group) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static void assignAtEnd(KafkaConsumer<String, String> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    private static void relay(String json) {
        if (!(MessageCodec.parse(json) instanceof ParseResult.Parsed parsed)
                || !(parsed.message() instanceof ChargeRequest request)) {
            return;
        }
        FrameConnection cp = CPS.get(request.cpId());
        String sessionId = UUID.randomUUID().toString();
        boolean sent = cp != null && cp.send(MessageCodec.toBytes(
                StartChargingCommand.of(request.cpId(), sessionId, request.driverId(), 0.30)));
        Response reply = sent
                ? Response.success(MessageType.CHARGE_REQUEST, request.messageId(), "ok").withSessionId(sessionId)
                : Response.failure(MessageType.CHARGE_REQUEST, request.messageId(), "no such CP");
        if (sent) {
            DRIVER_OF_SESSION.put(sessionId, request.driverId());
        }
        producer.send(new ProducerRecord<>(responseTopic, request.driverId(),
                MessageCodec.toJson(reply.withCpId(request.cpId()).withDriverId(request.driverId()))));
    }

    private static void answer(FrameConnection connection, byte[] payload) {
        if (!(MessageCodec.parse(payload) instanceof ParseResult.Parsed parsed)) {
            return;
        }
        WireMessage message = parsed.message();
        if (message instanceof RegisterRequest register) {
            CPS.put(register.id(), connection);
        } else if (message instanceof ChargeCompletion done && done.sessionId() != null) {
            String driver = DRIVER_OF_SESSION.remove(done.sessionId());
            if (driver != null) {
                producer.send(new ProducerRecord<>(responseTopic, driver, MessageCodec.toJson(ChargeCompletion.ticket(
                        done.cpId(), done.sessionId(), driver, done.energyConsumedKwh(), done.totalCost(),
                        "unplugged", null, null))));
            }
        }
        WireMessage reply = message instanceof AuthRequest auth
                ? AuthResponse.alreadyRegistered(auth.messageId(), auth.id())
                : Response.success(MessageType.fromWire(message.type()).orElseThrow(), message.messageId(), "ok");
        connection.send(MessageCodec.toBytes(reply));
    }
}
