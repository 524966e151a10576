package it.org.evcharging.central.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.ParseResult;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.driver.ChargeRequest;
import org.evcharging.api.message.session.ChargeCompletion;

/**
 * The end-to-end benchmark's drivers, in their own JVM: M drivers on real Kafka (one producer and
 * one consumer of {@code driver_responses} shared by all, as a driver application server would).
 * Each driver asks for a charge, waits for the response, then for the ticket, pauses a moment and
 * asks again, at a CP of its own (no two drivers ever want the same CP), for the measuring window.
 * Each request goes to the out file as "message_id session_id status sent_us response_us ticket_us"
 * (epoch µs; 0 = never came).
 *
 * <p>Args: bootstrap requestTopic responseTopic drivers driverPrefix cpPrefix cps measureSeconds
 * waitSeconds outFile
 */
public final class DriverSwarm {

    private record Attempt(String driverId, long sentUs, String[] result) {
    }

    private static final Map<String, Attempt> BY_MESSAGE = new ConcurrentHashMap<>();
    private static final Map<String, Attempt> BY_SESSION = new ConcurrentHashMap<>();
    private static final List<Attempt> ALL = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    private DriverSwarm() {
    }

    static long epochMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    public static void main(String[] a) throws Exception {
        String bootstrap = a[0];
        String requestTopic = a[1];
        String responseTopic = a[2];
        int drivers = Integer.parseInt(a[3]);
        String driverPrefix = a[4];
        String cpPrefix = a[5];
        int cps = Integer.parseInt(a[6]);
        int measureSeconds = Integer.parseInt(a[7]);
        int waitSeconds = Integer.parseInt(a[8]);
        Path out = Path.of(a[9]);

        KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new StringSerializer());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(responseTopic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        // Warm the producer's metadata so the first request does not pay for it.
        producer.partitionsFor(requestTopic);

        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        int cpsPerDriver = Math.max(1, cps / drivers);
        long stopIssuingAt = System.nanoTime() + measureSeconds * 1_000_000_000L;
        Random random = new Random(42);
        int[] nextIndex = new int[drivers];
        Runnable[] ask = new Runnable[drivers];
        for (int d = 0; d < drivers; d++) {
            int driver = d;
            String driverId = String.format("%s%04d", driverPrefix, d);
            ask[d] = () -> {
                if (System.nanoTime() >= stopIssuingAt) {
                    return;
                }
                int k = nextIndex[driver]++ % cpsPerDriver;
                String cpId = String.format("%s%05d", cpPrefix, (driver + drivers * k) % cps);
                ChargeRequest request = ChargeRequest.of(cpId, driverId);
                Attempt attempt = new Attempt(driverId, epochMicros(), new String[] {"-", "none", "0", "0"});
                BY_MESSAGE.put(request.messageId(), attempt);
                ALL.add(attempt);
                attempt.result()[0] = request.messageId();
                producer.send(new ProducerRecord<>(requestTopic, driverId, MessageCodec.toJson(request)));
            };
        }
        System.out.println("@READY");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();

        for (int d = 0; d < drivers; d++) {
            // Spread the first requests over the first second, as drivers arrive.
            sender.schedule(ask[d], random.nextInt(1000), TimeUnit.MILLISECONDS);
        }
        Map<String, Integer> driverIndex = new ConcurrentHashMap<>();
        for (int d = 0; d < drivers; d++) {
            driverIndex.put(String.format("%s%04d", driverPrefix, d), d);
        }
        long end = stopIssuingAt + waitSeconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                long now = epochMicros();
                if (!(MessageCodec.parse(record.value()) instanceof ParseResult.Parsed parsed)) {
                    continue;
                }
                WireMessage message = parsed.message();
                if (message instanceof Response response && "charge_request_response".equals(response.type())) {
                    Attempt attempt = BY_MESSAGE.get(response.messageId());
                    if (attempt == null || !"0".equals(attempt.result()[2])) {
                        continue;
                    }
                    attempt.result()[2] = Long.toString(now);
                    if (response.succeeded() && response.sessionId() != null && !response.sessionId().isEmpty()) {
                        attempt.result()[1] = response.sessionId();
                        BY_SESSION.put(response.sessionId(), attempt);
                    } else {
                        attempt.result()[1] = "refused";
                        Integer d = driverIndex.get(attempt.driverId());
                        if (d != null) {
                            sender.schedule(ask[d], 1000, TimeUnit.MILLISECONDS);
                        }
                    }
                } else if (message instanceof ChargeCompletion ticket && ticket.sessionId() != null) {
                    Attempt attempt = BY_SESSION.remove(ticket.sessionId());
                    if (attempt == null) {
                        continue;
                    }
                    attempt.result()[3] = Long.toString(now);
                    Integer d = driverIndex.get(attempt.driverId());
                    if (d != null) {
                        sender.schedule(ask[d], 100 + random.nextInt(400), TimeUnit.MILLISECONDS);
                    }
                }
            }
            if (System.nanoTime() >= stopIssuingAt && BY_SESSION.isEmpty() && ALL.stream()
                    .allMatch(at -> !"0".equals(at.result()[2]))) {
                break;
            }
        }
        sender.shutdownNow();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            synchronized (ALL) {
                for (Attempt at : ALL) {
                    String[] r = at.result();
                    w.println(r[0] + " " + r[1] + " " + (r[1].equals("refused") ? "refused" : "ok") + " " + at.sentUs()
                            + " " + r[2] + " " + r[3]);
                }
            }
        }
        System.out.println("@RESULT requests=" + ALL.size());
        System.out.flush();
        producer.close(Duration.ofSeconds(2));
        consumer.close(Duration.ofSeconds(2));
        System.exit(0);
    }
}
