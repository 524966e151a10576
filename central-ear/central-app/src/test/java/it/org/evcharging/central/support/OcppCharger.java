package it.org.evcharging.central.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import eu.chargetime.ocpp.ClientEvents;
import eu.chargetime.ocpp.JSONClient;
import eu.chargetime.ocpp.JSONConfiguration;
import eu.chargetime.ocpp.feature.profile.ClientCoreEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientCoreProfile;
import eu.chargetime.ocpp.feature.profile.ClientRemoteTriggerEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientRemoteTriggerProfile;
import eu.chargetime.ocpp.model.Confirmation;
import eu.chargetime.ocpp.model.Request;
import eu.chargetime.ocpp.model.core.AvailabilityStatus;
import eu.chargetime.ocpp.model.core.BootNotificationConfirmation;
import eu.chargetime.ocpp.model.core.ChangeAvailabilityConfirmation;
import eu.chargetime.ocpp.model.core.ChangeAvailabilityRequest;
import eu.chargetime.ocpp.model.core.ChangeConfigurationConfirmation;
import eu.chargetime.ocpp.model.core.ChangeConfigurationRequest;
import eu.chargetime.ocpp.model.core.ChargePointErrorCode;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.ClearCacheConfirmation;
import eu.chargetime.ocpp.model.core.ClearCacheRequest;
import eu.chargetime.ocpp.model.core.DataTransferConfirmation;
import eu.chargetime.ocpp.model.core.DataTransferRequest;
import eu.chargetime.ocpp.model.core.GetConfigurationConfirmation;
import eu.chargetime.ocpp.model.core.GetConfigurationRequest;
import eu.chargetime.ocpp.model.core.MeterValue;
import eu.chargetime.ocpp.model.core.Reason;
import eu.chargetime.ocpp.model.core.RemoteStartStopStatus;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionRequest;
import eu.chargetime.ocpp.model.core.RemoteStopTransactionConfirmation;
import eu.chargetime.ocpp.model.core.RemoteStopTransactionRequest;
import eu.chargetime.ocpp.model.core.ResetConfirmation;
import eu.chargetime.ocpp.model.core.ResetRequest;
import eu.chargetime.ocpp.model.core.ResetStatus;
import eu.chargetime.ocpp.model.core.SampledValue;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.StopTransactionRequest;
import eu.chargetime.ocpp.model.core.UnlockConnectorConfirmation;
import eu.chargetime.ocpp.model.core.UnlockConnectorRequest;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageConfirmation;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageRequest;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageStatus;

/**
 * A simulated OCPP 1.6J charger built on an independent implementation (ChargeTime's
 * Java-OCA-OCPP client): the test scripts what it sends; what Central asks of it is accepted and
 * queued for the test to see.
 */
public final class OcppCharger implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(20);

    private final String id;
    private final ClientCoreProfile core;
    private final JSONClient client;
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private volatile boolean closed;
    public final BlockingQueue<Request> received = new LinkedBlockingQueue<>();
    /** When set, the charger answers RemoteStartTransaction with Rejected (an occupied or broken connector). */
    public volatile boolean rejectRemoteStarts;
    /** The password the operator gave this charger when authorizing it (security profile 1), if any. */
    public volatile String credential;

    private OcppCharger(String id, String password) {
        this.id = id;
        this.credential = password;
        this.core = new ClientCoreProfile(new CoreHandler());
        JSONConfiguration configuration = JSONConfiguration.get();
        if (password != null) {
            // HTTP Basic at the handshake: username the chargePointId, password its credential.
            configuration.setParameter(JSONConfiguration.USERNAME_PARAMETER, id)
                    .setParameter(JSONConfiguration.PASSWORD_PARAMETER, password);
        }
        this.client = new JSONClient(core, id, configuration);
        client.addFeatureProfile(new ClientRemoteTriggerProfile(this::triggered));
    }

    /** Connects to {@code ws://host:port/ocpp/{id}} with subprotocol ocpp1.6, without credentials (profile 0). */
    public static OcppCharger connect(URI centralHttp, String id) throws Exception {
        return connect(centralHttp, id, null);
    }

    /** As {@link #connect(URI, String)} with HTTP Basic {@code id:password} (security profile 1); null for none. */
    public static OcppCharger connect(URI centralHttp, String id, String password) throws Exception {
        OcppCharger charger = new OcppCharger(id, password);
        return charger.open("ws://" + centralHttp.getHost() + ":" + centralHttp.getPort() + "/ocpp");
    }

    /** Connects to {@code wss://localhost:httpsPort/ocpp/{id}} trusting {@code tls}, with HTTP Basic (security profile 2). */
    public static OcppCharger connectTls(int httpsPort, SSLContext tls, String id, String password) throws Exception {
        OcppCharger charger = new OcppCharger(id, password);
        charger.client.enableWSS(tls);
        return charger.open("wss://localhost:" + httpsPort + "/ocpp");
    }

    private OcppCharger open(String url) throws Exception {
        OcppCharger charger = this;
        charger.client.connect(url, new ClientEvents() {
            @Override
            public void connectionOpened() {
                charger.opened.complete(null);
            }

            @Override
            public void connectionClosed() {
                charger.closed = true;
            }
        });
        charger.opened.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return charger;
    }

    /**
     * A WebSocket handshake to {@code url} (ws:// or wss://, ending in the charger's id) that
     * Central is expected to refuse, with the JDK's client: the HTTP answer Central gave.
     * {@code authorization} is sent as the Authorization header when not null.
     */
    public static HttpResponse<?> refusedHandshake(URI url, String authorization, SSLContext tls) {
        return handshake(url, authorization, tls).orElseThrow(() -> new AssertionError("Central accepted the WebSocket to " + url));
    }

    /** The HTTP status of a WebSocket handshake to {@code url}: 101 when Central upgrades it (then closed at once). */
    public static int handshakeStatus(URI url, String authorization, SSLContext tls) {
        return handshake(url, authorization, tls).map(HttpResponse::statusCode).orElse(101);
    }

    private static java.util.Optional<HttpResponse<?>> handshake(URI url, String authorization, SSLContext tls) {
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(WAIT);
        if (tls != null) {
            http.sslContext(tls);
        }
        WebSocket.Builder builder = http.build().newWebSocketBuilder().subprotocols("ocpp1.6").connectTimeout(WAIT);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        try {
            WebSocket opened = builder.buildAsync(url, new WebSocket.Listener() { }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            opened.abort();
            return java.util.Optional.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return java.util.Optional.of(refused.getResponse());
            }
            throw new AssertionError("The handshake to " + url + " failed without an HTTP answer", e);
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("No answer to the handshake to " + url, e);
        }
    }

    /** An HTTP Basic Authorization header value. */
    public static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public String id() {
        return id;
    }

    public boolean isClosed() {
        return closed || client.isClosed();
    }

    public BootNotificationConfirmation boot() throws Exception {
        return send(core.createBootNotificationRequest("ChargeTime", "IT-wallbox"), BootNotificationConfirmation.class);
    }

    public void heartbeat() throws Exception {
        send(core.createHeartbeatRequest(), Confirmation.class);
    }

    public void status(ChargePointStatus status, ChargePointErrorCode error) throws Exception {
        send(core.createStatusNotificationRequest(1, error, status), Confirmation.class);
    }

    public StartTransactionConfirmation startTransaction(String idTag, int meterStartWh) throws Exception {
        return send(core.createStartTransactionRequest(1, idTag, meterStartWh, ZonedDateTime.now()), StartTransactionConfirmation.class);
    }

    public void meter(int transactionId, int registerWh) throws Exception {
        SampledValue energy = new SampledValue(Integer.toString(registerWh));
        energy.setMeasurand("Energy.Active.Import.Register");
        energy.setUnit("Wh");
        var request = core.createMeterValuesRequest(1, new MeterValue(ZonedDateTime.now(), new SampledValue[] {energy}));
        request.setTransactionId(transactionId);
        send(request, Confirmation.class);
    }

    public void stopTransaction(int transactionId, int meterStopWh, Reason reason) throws Exception {
        StopTransactionRequest request = core.createStopTransactionRequest(meterStopWh, ZonedDateTime.now(), transactionId);
        request.setReason(reason);
        send(request, Confirmation.class);
    }

    /** The next request from Central of this type (others before it are dropped). */
    public <T extends Request> T await(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Request next = received.poll(50, TimeUnit.MILLISECONDS);
            if (type.isInstance(next)) {
                return type.cast(next);
            }
        }
        throw new AssertionError(id + " received no " + type.getSimpleName() + " from Central within " + WAIT);
    }

    private <T extends Confirmation> T send(Request request, Class<T> type) throws Exception {
        Confirmation answer = client.send(request).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return type.cast(answer);
    }

    private TriggerMessageConfirmation triggered(TriggerMessageRequest request) {
        received.add(request);
        return new TriggerMessageConfirmation(TriggerMessageStatus.Accepted);
    }

    @Override
    public void close() {
        client.disconnect();
    }

    /** Accepts whatever Central asks and queues it for the test. */
    private final class CoreHandler implements ClientCoreEventHandler {

        @Override
        public ChangeAvailabilityConfirmation handleChangeAvailabilityRequest(ChangeAvailabilityRequest request) {
            received.add(request);
            return new ChangeAvailabilityConfirmation(AvailabilityStatus.Accepted);
        }

        @Override
        public GetConfigurationConfirmation handleGetConfigurationRequest(GetConfigurationRequest request) {
            return new GetConfigurationConfirmation();
        }

        @Override
        public ChangeConfigurationConfirmation handleChangeConfigurationRequest(ChangeConfigurationRequest request) {
            return null;
        }

        @Override
        public ClearCacheConfirmation handleClearCacheRequest(ClearCacheRequest request) {
            return null;
        }

        @Override
        public DataTransferConfirmation handleDataTransferRequest(DataTransferRequest request) {
            return null;
        }

        @Override
        public RemoteStartTransactionConfirmation handleRemoteStartTransactionRequest(RemoteStartTransactionRequest request) {
            received.add(request);
            return new RemoteStartTransactionConfirmation(rejectRemoteStarts ? RemoteStartStopStatus.Rejected
                    : RemoteStartStopStatus.Accepted);
        }

        @Override
        public RemoteStopTransactionConfirmation handleRemoteStopTransactionRequest(RemoteStopTransactionRequest request) {
            received.add(request);
            return new RemoteStopTransactionConfirmation(RemoteStartStopStatus.Accepted);
        }

        @Override
        public ResetConfirmation handleResetRequest(ResetRequest request) {
            received.add(request);
            return new ResetConfirmation(ResetStatus.Accepted);
        }

        @Override
        public UnlockConnectorConfirmation handleUnlockConnectorRequest(UnlockConnectorRequest request) {
            return null;
        }
    }
}
