package it.org.evcharging.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;

import it.org.evcharging.central.support.AdminApi;
import it.org.evcharging.central.support.AgentProcess;
import it.org.evcharging.central.support.ClusteredCentral;
import it.org.evcharging.central.support.CpFleet;
import it.org.evcharging.central.support.EngineLines;
import it.org.evcharging.central.support.ItSettings;
import it.org.evcharging.central.support.KafkaDriver;
import it.org.evcharging.central.support.PostgresServer;
import it.org.evcharging.central.support.RepeatingDriver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.evcharging.api.Topics;
import org.evcharging.api.message.MessageCodec;
import org.evcharging.api.message.ParseResult;
import org.evcharging.api.message.Response;
import org.evcharging.api.message.WireMessage;
import org.evcharging.api.message.driver.ChargeRequest;
import org.evcharging.api.message.driver.StopChargingRequest;
import org.evcharging.api.message.session.ChargeCompletion;
import org.evcharging.api.message.session.ChargingData;
import org.evcharging.kafka.KafkaBrokerProcess;
import org.evcharging.kafka.KafkaClusterProcesses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Centrals on one PostgreSQL and a Kafka cluster of three brokers (real processes), real CP agents
 * whose Monitors know both, and drivers over Kafka. A charge asked through the Central that does not hold
 * the CP starts (one session, one ticket); both Centrals show the same network; and after kill -9 of the
 * Central holding a charging CP the other one holds it, CHARGING, within 5 s, every driver asking for it
 * meanwhile is answered, and the charge ends with one ticket carrying the metered kWh. Then a rolling
 * restart of both Centrals, one at a time: every request made meanwhile is answered. Last, kill -9 of the
 * broker leading a charging CP's readings: every reading the Engine metered is on Kafka once and reaches
 * Central, and the one ticket and the database carry the Engine's own kWh. Its own brokers, database and
 * ports: it runs beside the shared Central.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActiveActiveCentralsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(5);
    private static final String CP_ON_A = "cp_aa_1";
    private static final String CP_ON_B = "cp_aa_2";
    private static final String CENTRAL_READINGS_GROUP = "central_charging_data_group";

    private static Path workDir;
    private static PostgresServer postgres;
    private static KafkaClusterProcesses kafka;
    private static ClusteredCentral a;
    private static ClusteredCentral b;
    private static AgentProcess.Group agents;
    private static final Map<String, AgentProcess> engines = new HashMap<>();

    @BeforeAll
    static void startTwoCentralsAndTwoCps() throws Exception {
        workDir = ItSettings.workDir(ActiveActiveCentralsIT.class);
        postgres = PostgresServer.start();
        kafka = KafkaClusterProcesses.of(workDir.resolve("kafka"), KafkaClusterProcesses.DEFAULT_NODES, Duration.ofSeconds(120))
                .start();
        // Legacy admission (id alone) keeps the Monitors simple; credentials work the same on any Central.
        Map<String, String> env = Map.of("CP_AUTO_AUTHORIZE", "true");
        a = ClusteredCentral.of("central-a", workDir, kafka.bootstrapServers(), postgres, env);
        b = ClusteredCentral.of("central-b", workDir, kafka.bootstrapServers(), postgres, env);
        // One after the other: the first runs the migrations and creates the first admin.
        a.startAndAwaitReady();
        b.startAndAwaitReady();

        agents = new AgentProcess.Group();
        startCp(CP_ON_A, a.monitorAddress() + "," + b.monitorAddress());
        startCp(CP_ON_B, b.monitorAddress() + "," + a.monitorAddress());
        await().atMost(WAIT).until(() -> holderOf(a.admin(), CP_ON_A).equals("central-a ACTIVE")
                && holderOf(a.admin(), CP_ON_B).equals("central-b ACTIVE"));
        awaitBothCentralsConsumeDriverRequests();
    }

    private static void startCp(String cpId, String centrals) throws Exception {
        int enginePort = AgentProcess.freePort();
        AgentProcess engine = agents.add(AgentProcess.engine(kafka.bootstrapServers(), enginePort,
                workDir.resolve("engine-" + cpId), 200, 120));
        engine.awaitLine("ENGINE LISTENING ON", WAIT);
        engines.put(cpId, engine);
        agents.add(AgentProcess.monitor(enginePort, centrals, cpId, 1, workDir.resolve("monitor-" + cpId)));
    }

    @AfterAll
    static void stopAll() throws Exception {
        try {
            if (agents != null) {
                agents.close();
            }
            for (ClusteredCentral central : new ClusteredCentral[] {a, b}) {
                if (central != null) {
                    central.close();
                }
            }
        } finally {
            if (kafka != null) {
                kafka.close();
            }
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    @Order(1)
    void aRequestConsumedByTheCentralThatDoesNotHoldTheCpStillStartsTheCharge() throws Exception {
        // One driver per partition of driver_charge_requests: the two Centrals share those partitions,
        // so at least one of these requests is consumed by central-b, which does not hold the CP.
        for (String driverId : driversOnEveryPartition("driver_aa_")) {
            try (KafkaDriver driver = new KafkaDriver(kafka.bootstrapServers(), driverId)) {
                ChargeRequest request = ChargeRequest.of(CP_ON_A, driverId);
                driver.send(Topics.DRIVER_CHARGE_REQUESTS, request);
                Response accepted = driver.await(Response.class, r -> request.messageId().equals(r.messageId()), WAIT);
                assertThat(accepted.status()).as(accepted.info()).isEqualTo("success");
                String sessionId = accepted.sessionId();
                await().atMost(WAIT).until(() -> a.admin().stateOf(CP_ON_A).equals("CHARGING"));

                driver.send(Topics.DRIVER_STOP_REQUESTS, StopChargingRequest.of(sessionId, CP_ON_A, driverId));
                ChargeCompletion ticket = driver.await(ChargeCompletion.class, t -> sessionId.equals(t.sessionId()), WAIT);
                assertThat(ticket.cpId()).isEqualTo(CP_ON_A);
                assertThat(postgres.psql("SELECT COUNT(*) FROM charging_sessions WHERE request_message_id = '"
                        + request.messageId() + "'")).as("one session for the request").isEqualTo("1");
                assertOneTicketOnly(driver, sessionId);
                await().atMost(WAIT).until(() -> a.admin().stateOf(CP_ON_A).equals("ACTIVE"));
            }
        }
        assertThat(commandsOnTheTopic()).as("central-b handed at least one request to central-a on cp_commands")
                .anyMatch(command -> command.contains("\"command\":\"charge\"") && command.contains(CP_ON_A)
                        && command.contains("\"origin\":\"central-b/"));
    }

    @Test
    @Order(2)
    void bothCentralsShowTheSameNetwork() {
        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, String> seenByA = network(a.admin());
            Map<String, String> seenByB = network(b.admin());
            assertThat(seenByA).containsEntry(CP_ON_A, "ACTIVE central-a connected").containsEntry(CP_ON_B, "ACTIVE central-b connected");
            assertThat(seenByB).isEqualTo(seenByA);
        });
    }

    @Test
    @Order(3)
    void whenTheCentralHoldingAChargingCpIsKilledTheOtherHoldsItChargingWithin5sAndTheChargeEndsWithOneTicket() throws Exception {
        try (KafkaDriver driver = new KafkaDriver(kafka.bootstrapServers(), "driver_aa_failover")) {
            String sessionId = chargeAndAwaitEnergy(driver, CP_ON_A);
            double beforeKill = energyOn(a.admin(), CP_ON_A);

            long killedAt = System.nanoTime();
            a.kill();
            // Drivers asking for the CP while it changes hands, one on each request partition: each is answered.
            List<KafkaDriver> askingMeanwhile = new ArrayList<>();
            List<ChargeRequest> requestsMeanwhile = new ArrayList<>();
            try {
                for (String driverId : driversOnEveryPartition("driver_aa_meanwhile_")) {
                    KafkaDriver asking = new KafkaDriver(kafka.bootstrapServers(), driverId);
                    askingMeanwhile.add(asking);
                    ChargeRequest meanwhile = ChargeRequest.of(CP_ON_A, driverId);
                    asking.send(Topics.DRIVER_CHARGE_REQUESTS, meanwhile);
                    requestsMeanwhile.add(meanwhile);
                }
                await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                        .until(() -> holderOf(b.admin(), CP_ON_A).equals("central-b CHARGING"));
                Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
                System.out.printf("[timing] kill -9 of central-a: %s CHARGING on central-b after %d ms%n", CP_ON_A, takeover.toMillis());
                assertThat(takeover).as("the CP is back CHARGING on the other Central").isLessThan(TAKEOVER_LIMIT);
                for (int i = 0; i < askingMeanwhile.size(); i++) {
                    ChargeRequest meanwhile = requestsMeanwhile.get(i);
                    Response answer = askingMeanwhile.get(i).await(Response.class, r -> meanwhile.messageId().equals(r.messageId()), WAIT);
                    assertThat(answer.info()).as("refused with the reason: the CP is busy").contains("CHARGING");
                }
            } finally {
                for (KafkaDriver asking : askingMeanwhile) {
                    asking.close();
                }
            }

            await("the supply goes on, followed by central-b").atMost(WAIT)
                    .until(() -> energyOn(b.admin(), CP_ON_A) > beforeKill);
            driver.send(Topics.DRIVER_STOP_REQUESTS, StopChargingRequest.of(sessionId, CP_ON_A, driver.id()));
            ChargeCompletion ticket = driver.await(ChargeCompletion.class, t -> sessionId.equals(t.sessionId()), WAIT);
            assertThat(ticket.energyConsumedKwh()).as("the metered kWh, before and after the failover").isGreaterThan(beforeKill);
            assertOneTicketOnly(driver, sessionId);
            assertThat(postgres.psql("SELECT state || ' ' || energy_kwh FROM charging_sessions WHERE session_id = '" + sessionId + "'"))
                    .isEqualTo("COMPLETED " + String.format(java.util.Locale.ROOT, "%.3f", ticket.energyConsumedKwh()));
            await().atMost(WAIT).until(() -> holderOf(b.admin(), CP_ON_A).equals("central-b ACTIVE"));
        }
    }

    private static final int FLEET = 50;
    private static final int DRIVERS = 10;
    /** A CP ends a supply by itself after this; half the charges are stopped by their driver before. */
    private static final Duration LONGEST_CHARGE = Duration.ofSeconds(4);
    private static final Duration CHARGE_FOR = Duration.ofSeconds(2);
    /**
     * Long: a restarting Central joins the request consumer groups well before it has started and holds
     * its partitions' requests meanwhile (tens of seconds on a busy 2-core machine). The report counts
     * the answers slower than the terminal driver's 10 s, after which it says "Cannot connect to CENTRAL".
     */
    private static final Duration ANSWER_LIMIT = Duration.ofMinutes(2);
    private static final Duration DRIVER_PATIENCE = Duration.ofSeconds(10);

    @Test
    @Order(4)
    void aRollingRestartOfBothCentralsAnswersEveryRequest() throws Exception {
        a.startAndAwaitReady(); // central-a was killed: back first
        List<String> fleetIds = IntStream.range(0, FLEET).mapToObj(i -> String.format("cp_roll_%02d", i)).toList();
        for (String cpId : fleetIds) {
            // Legacy, as the agents here; fifty newcomers from one address would meet the newcomer gate.
            a.admin().registerLegacy(cpId, AgentProcess.TEST_LOCATION, AgentProcess.TEST_PRICE);
        }
        try (CpFleet fleet = new CpFleet(kafka.bootstrapServers(), LONGEST_CHARGE)) {
            for (int i = 0; i < FLEET; i++) {
                // Half prefer central-a, half central-b: the Monitors fail over in their own order.
                fleet.start(fleetIds.get(i), i % 2 == 0 ? List.of(a.monitorAddress(), b.monitorAddress())
                        : List.of(b.monitorAddress(), a.monitorAddress()));
            }
            await().atMost(WAIT).until(() -> network(b.admin()).entrySet().stream().filter(cp -> fleetIds.contains(cp.getKey()))
                    .filter(cp -> cp.getValue().equals("ACTIVE central-" + (fleetIds.indexOf(cp.getKey()) % 2 == 0 ? "a" : "b")
                            + " connected")).count() == FLEET);

            List<RepeatingDriver> drivers = new ArrayList<>();
            for (int d = 0; d < DRIVERS; d++) {
                List<String> own = fleetIds.subList(d * FLEET / DRIVERS, (d + 1) * FLEET / DRIVERS); // on both Centrals
                drivers.add(new RepeatingDriver(kafka.bootstrapServers(), "driver_roll_" + d, own, CHARGE_FOR, ANSWER_LIMIT));
            }
            List<Instant[]> outages = new ArrayList<>();
            Duration backWithin;
            try {
                backWithin = restartOneAtATime(outages);
            } finally {
                RepeatingDriver.finishAll(drivers);
            }
            List<RepeatingDriver.Request> requests = drivers.stream().flatMap(d -> d.requests().stream()).toList();
            System.out.println(rollReport(requests, backWithin));

            assertThat(requests).as("requests answered within " + ANSWER_LIMIT).filteredOn(r -> !r.answered()).isEmpty();
            assertThat(requests).filteredOn(r -> r.answered() && !r.accepted()).as("a refusal says why")
                    .allMatch(r -> !r.info().isBlank());
            for (RepeatingDriver driver : drivers) {
                for (RepeatingDriver.Request charge : driver.requests()) {
                    if (charge.isCharge() && charge.accepted()) {
                        assertThat(driver.ticketsOf(charge.sessionId())).as("tickets of session %s (%s at %s)", charge.sessionId(),
                                driver.id(), charge.cpId()).isEqualTo(1);
                    }
                }
            }
            for (Instant[] outage : outages) {
                assertThat(requests).as("drivers charge while a Central is away").anyMatch(r -> r.isCharge() && r.accepted()
                        && !r.sentAt().isBefore(outage[0]) && !r.sentAt().isAfter(outage[1]));
            }
            await("every CP ACTIVE, held by a Central").atMost(WAIT).untilAsserted(() -> {
                Map<String, String> network = network(a.admin());
                assertThat(fleetIds).allSatisfy(cpId -> assertThat(network.get(cpId)).as(cpId).matches("ACTIVE central-[ab] connected"));
            });
        }
    }

    @Test
    @Order(5)
    void aBrokerKilledMidChargeLosesNoReadingAndTheTicketCarriesTheEnginesKwh() throws Exception {
        await().atMost(WAIT).until(() -> a.admin().stateOf(CP_ON_A).equals("ACTIVE"));
        int partition = partitionOf(CP_ON_A, Topics.CHARGING_SESSION_DATA);
        try (KafkaDriver driver = new KafkaDriver(kafka.bootstrapServers(), "driver_aa_broker_kill")) {
            String sessionId = chargeAndAwaitEnergy(driver, CP_ON_A);

            KafkaBrokerProcess leader = kafka.leaderOf(Topics.CHARGING_SESSION_DATA, partition);
            double beforeKill = energyOn(a.admin(), CP_ON_A);
            long killedAtMillis = System.currentTimeMillis();
            long killedAt = System.nanoTime();
            leader.kill();

            await("readings reach Central after the kill").atMost(WAIT).pollInterval(Duration.ofMillis(50))
                    .until(() -> energyOn(a.admin(), CP_ON_A) > beforeKill);
            long nextReadingMs = Duration.ofNanos(System.nanoTime() - killedAt).toMillis();
            await("a survivor leads the CP's partition").atMost(WAIT).pollInterval(Duration.ofMillis(100))
                    .ignoreException(IllegalStateException.class) // no leader for a moment
                    .until(() -> kafka.leaderOf(Topics.CHARGING_SESSION_DATA, partition) != leader);
            long leaderMovedMs = Duration.ofNanos(System.nanoTime() - killedAt).toMillis();
            // 5 s of ticks (200 ms each) written to the two brokers left.
            await("readings go on to Kafka").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                    .until(() -> readingsOnTheTopic(sessionId).stream().filter(r -> r.sentAtMillis() >= killedAtMillis).count() >= 25);

            driver.send(Topics.DRIVER_STOP_REQUESTS, StopChargingRequest.of(sessionId, CP_ON_A, driver.id()));
            ChargeCompletion ticket = driver.await(ChargeCompletion.class, t -> sessionId.equals(t.sessionId()), WAIT);
            String metered = kwh(EngineLines.kwh(engines.get(CP_ON_A).awaitLine(EngineLines.supplyStopped(sessionId), WAIT)));
            assertOneTicketOnly(driver, sessionId);
            assertThat(kwh(ticket.energyConsumedKwh())).as("the ticket vs the Engine's own meter").isEqualTo(metered);
            assertThat(postgres.psql("SELECT state || ' ' || energy_kwh FROM charging_sessions WHERE session_id = '" + sessionId + "'"))
                    .as("the session in the database").isEqualTo("COMPLETED " + metered);

            List<Reading> readings = readingsOnTheTopic(sessionId);
            assertThat(readings).extracting(Reading::seq).as("every tick of the Engine on Kafka, once, in order")
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, readings.size()).boxed().toList());
            Reading last = readings.get(readings.size() - 1);
            assertThat(kwh(last.kwh())).as("the last reading on Kafka vs the Engine's meter").isEqualTo(metered);
            TopicPartition readingsPartition = new TopicPartition(Topics.CHARGING_SESSION_DATA, partition);
            await("Central consumed every reading through Kafka, not only through the Monitor").atMost(WAIT)
                    .until(() -> committedOffset(CENTRAL_READINGS_GROUP, readingsPartition) > last.offset());

            long duringOutage = readings.stream().filter(r -> r.sentAtMillis() >= killedAtMillis).count();
            System.out.printf("[broker kill] kill -9 of node %d, leader of %s: a survivor leads after %d ms; next reading at Central"
                            + " +%d ms; %d of %d readings sent during the outage, all on Kafka once; ticket %s kWh = Engine %s kWh"
                            + " = database, one ticket%n", leader.nodeId(), readingsPartition, leaderMovedMs, nextReadingMs,
                    duringOutage, readings.size(), kwh(ticket.energyConsumedKwh()), metered);
        }
    }

    /**
     * central-b, then central-a: an orderly stop (its Monitors move to the other one), every CP back in
     * service on the other, a start. Adds each one's time away to {@code outages}; returns the longest
     * time from a stop until every CP was in service again.
     */
    private static Duration restartOneAtATime(List<Instant[]> outages) throws Exception {
        Duration backWithin = Duration.ZERO;
        for (ClusteredCentral restarting : new ClusteredCentral[] {b, a}) {
            ClusteredCentral other = restarting == a ? b : a;
            long stoppedAt = System.nanoTime();
            Instant away = Instant.now();
            restarting.close();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> network(other.admin()).values().stream()
                    .allMatch(cp -> cp.matches("(ACTIVE|CHARGING) " + other.name() + " connected")));
            Duration back = Duration.ofNanos(System.nanoTime() - stoppedAt);
            backWithin = back.compareTo(backWithin) > 0 ? back : backWithin;
            restarting.startAndAwaitReady();
            outages.add(new Instant[] {away, Instant.now()});
        }
        return backWithin;
    }

    /** The measured line: requests, answers, refusals by reason, answer times, how fast the CPs were back. */
    private static String rollReport(List<RepeatingDriver.Request> requests, Duration backWithin) {
        List<RepeatingDriver.Request> charges = requests.stream().filter(RepeatingDriver.Request::isCharge).toList();
        Map<String, Long> reasons = requests.stream().filter(r -> r.answered() && !r.accepted())
                .collect(Collectors.groupingBy(r -> r.kind() + ": " + r.info().replaceAll("\\S*\\d\\S*", "…"), TreeMap::new,
                        Collectors.counting()));
        List<Duration> answerTimes = requests.stream().filter(RepeatingDriver.Request::answered)
                .map(RepeatingDriver.Request::answeredAfter).toList();
        return String.format("[rolling restart] %d CPs, %d drivers: %d requests (%d charges, %d stops), %d accepted, %d refused %s,"
                        + " %d unanswered, max answer time %d ms (%d answers slower than %d s), CPs back ACTIVE within %d ms",
                FLEET, DRIVERS, requests.size(), charges.size(), requests.size() - charges.size(),
                requests.stream().filter(RepeatingDriver.Request::accepted).count(), reasons.values().stream().mapToLong(Long::longValue).sum(),
                reasons, requests.size() - answerTimes.size(), answerTimes.stream().mapToLong(Duration::toMillis).max().orElse(0),
                answerTimes.stream().filter(t -> t.compareTo(DRIVER_PATIENCE) > 0).count(), DRIVER_PATIENCE.toSeconds(),
                backWithin.toMillis());
    }

    /** The driver's charge at the CP is accepted and Central sees energy flow; returns the session id. */
    private static String chargeAndAwaitEnergy(KafkaDriver driver, String cpId) throws Exception {
        ChargeRequest request = ChargeRequest.of(cpId, driver.id());
        driver.send(Topics.DRIVER_CHARGE_REQUESTS, request);
        Response accepted = driver.await(Response.class, r -> request.messageId().equals(r.messageId()), WAIT);
        assertThat(accepted.status()).as(accepted.info()).isEqualTo("success");
        await().atMost(WAIT).until(() -> energyOn(a.admin(), cpId) > 0);
        return accepted.sessionId();
    }

    /** "central-x STATE" for the CP as {@code api} shows it (the holder's name without its per-start suffix). */
    private static String holderOf(AdminApi api, String cpId) throws Exception {
        var response = api.get("charging-points/" + cpId);
        if (response.statusCode() != 200) {
            return "unknown";
        }
        JsonNode cp = AdminApi.json(response);
        return cp.path("central").asText("none").replaceAll("/.*", "") + " " + cp.path("state").asText();
    }

    private static double energyOn(AdminApi api, String cpId) throws Exception {
        return AdminApi.json(api.get("charging-points/" + cpId)).path("charging").path("energy_kwh").asDouble(0);
    }

    /** Every CP as "STATE holder connected|-", by id. */
    private static Map<String, String> network(AdminApi api) throws Exception {
        Map<String, String> network = new TreeMap<>();
        for (JsonNode cp : AdminApi.json(api.get("charging-points"))) {
            network.put(cp.path("id").asText(), cp.path("state").asText() + " " + cp.path("central").asText("none").replaceAll("/.*", "")
                    + " " + (cp.path("connected").asBoolean() ? "connected" : "-"));
        }
        return network;
    }

    /** No second ticket of the session arrives for a while after the first. */
    private static void assertOneTicketOnly(KafkaDriver driver, String sessionId) {
        List<WireMessage> later = new ArrayList<>();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> {
            later.addAll(driver.drain());
            return later.stream().noneMatch(m -> m instanceof ChargeCompletion t && sessionId.equals(t.sessionId()));
        });
    }

    /** Driver ids whose keys land on each partition of driver_charge_requests, one per partition. */
    private static List<String> driversOnEveryPartition(String prefix) {
        String[] found = new String[Topics.defaultPartitions(Topics.DRIVER_CHARGE_REQUESTS)];
        for (int i = 0; java.util.Arrays.asList(found).contains(null); i++) {
            String id = prefix + i;
            int partition = partitionOf(id, Topics.DRIVER_CHARGE_REQUESTS);
            if (found[partition] == null) {
                found[partition] = id;
            }
        }
        return List.of(found);
    }

    /** The partition of {@code topic} a record keyed {@code key} goes to (Kafka's default partitioner). */
    private static int partitionOf(String key, String topic) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % Topics.defaultPartitions(topic);
    }

    /** Both Centrals are members of the driver requests' consumer group, each with partitions of its own. */
    private static void awaitBothCentralsConsumeDriverRequests() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            await().atMost(WAIT).until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("central_driver_requests_group"))
                        .all().get().get("central_driver_requests_group");
                return group.members().size() == 2
                        && group.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
            });
        }
    }

    /** Every record of cp_commands so far. */
    private static List<String> commandsOnTheTopic() {
        return recordsOnTheTopic("cp_commands").stream().map(ConsumerRecord::value).toList();
    }

    /** Every record of {@code topic} so far. */
    private static List<ConsumerRecord<String, String>> recordsOnTheTopic(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return records;
    }

    /** One reading of a session on charging_session_data: the Engine's tick, its kWh, its offset and when it was sent. */
    private record Reading(long seq, double kwh, long offset, long sentAtMillis) {
    }

    /** The session's readings on charging_session_data, in the order Kafka keeps them. */
    private static List<Reading> readingsOnTheTopic(String sessionId) {
        List<Reading> readings = new ArrayList<>();
        for (ConsumerRecord<String, String> record : recordsOnTheTopic(Topics.CHARGING_SESSION_DATA)) {
            if (MessageCodec.parse(record.value()) instanceof ParseResult.Parsed parsed
                    && parsed.message() instanceof ChargingData data && sessionId.equals(data.sessionId())) {
                readings.add(new Reading(data.seq(), data.energyConsumedKwh(), record.offset(), record.timestamp()));
            }
        }
        return readings;
    }

    /** The offset {@code group} committed on {@code partition}, -1 if none. */
    private static long committedOffset(String group, TopicPartition partition) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS).get(partition);
            return committed == null ? -1 : committed.offset();
        }
    }

    private static String kwh(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
