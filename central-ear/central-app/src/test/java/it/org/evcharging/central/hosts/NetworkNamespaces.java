package it.org.evcharging.central.hosts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Hosts as Linux network namespaces on one bridge: {@code evbr<N>} in the root namespace, and per
 * host a namespace {@code evh<N><host>} whose {@code eth0} is one end of a veth pair, the other end
 * ({@code evv<N><host>}) a port of the bridge. Addresses are in {@code 10.231.<N>.0/24}, a subnet no
 * interface of this machine uses when it is picked; the bridge itself gets {@code .254} so that the
 * test JVM (root namespace) can watch Central's admin API. Nothing leaves the machine: the bridge
 * has no uplink and nothing routes to it.
 *
 * <p>{@link #cut} detaches a host's veth from the bridge (its link is down for everybody), {@link
 * #restore} attaches it again. {@link #close} (also run by a shutdown hook) kills by pid whatever is
 * still running inside the namespaces, then deletes the namespaces, the veths and the bridge.
 */
public final class NetworkNamespaces implements AutoCloseable {

    private static final String SUBNET_PREFIX = "10.231.";

    private final int n;
    private final String bridge;
    private final Map<String, String> namespaces = new LinkedHashMap<>();
    private final Map<String, String> veths = new LinkedHashMap<>();
    private final Map<String, String> addresses = new LinkedHashMap<>();
    private final Thread hook = new Thread(this::closeQuietly, "three-hosts-cleanup");
    private boolean closed;

    private NetworkNamespaces(int n) {
        this.n = n;
        this.bridge = "evbr" + n;
    }

    /** Empty when namespaces can be built here; otherwise why not. */
    public static Optional<String> unavailableReason() {
        try {
            String uid = run(false, "id", "-u").strip();
            if (!uid.equals("0")) {
                return Optional.of("not root (uid " + uid + ")");
            }
        } catch (IOException e) {
            return Optional.of("cannot tell the user id: " + e.getMessage());
        }
        try {
            run(true, "ip", "-V");
            run(true, "ip", "netns", "list");
        } catch (IOException e) {
            return Optional.of("iproute2's 'ip' (with netns) not usable: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Builds one namespace per host name, addresses .1, .2, ... in host order. */
    public static NetworkNamespaces create(String... hosts) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            int n = ThreadLocalRandom.current().nextInt(20, 250);
            if (taken(n)) {
                continue;
            }
            NetworkNamespaces net = new NetworkNamespaces(n);
            Runtime.getRuntime().addShutdownHook(net.hook);
            try {
                net.build(hosts);
                return net;
            } catch (IOException e) {
                // Another run may have taken the same number between the check and the build.
                last = e;
                net.close();
            }
        }
        throw new IOException("Could not build the namespaces", last);
    }

    private static boolean taken(int n) throws IOException {
        if (Files.exists(Path.of("/sys/class/net/evbr" + n))) {
            return true;
        }
        String inUse = run(true, "ip", "-o", "-4", "addr", "show") + run(true, "ip", "-4", "route", "show")
                + run(true, "ip", "netns", "list");
        return inUse.contains(SUBNET_PREFIX + n + ".") || inUse.contains("evh" + n);
    }

    private void build(String... hosts) throws IOException {
        run(true, "ip", "link", "add", "name", bridge, "type", "bridge");
        run(true, "ip", "addr", "add", observerAddress() + "/24", "dev", bridge);
        run(true, "ip", "link", "set", bridge, "up");
        int index = 1;
        for (String host : hosts) {
            String ns = "evh" + n + host;
            String veth = "evv" + n + host;
            String peer = "evp" + n + host;
            String address = SUBNET_PREFIX + n + "." + index++;
            run(true, "ip", "netns", "add", ns);
            namespaces.put(host, ns);
            run(true, "ip", "link", "add", veth, "type", "veth", "peer", "name", peer);
            veths.put(host, veth);
            run(true, "ip", "link", "set", peer, "netns", ns);
            run(true, "ip", "-n", ns, "link", "set", peer, "name", "eth0");
            run(true, "ip", "-n", ns, "addr", "add", address + "/24", "dev", "eth0");
            run(true, "ip", "-n", ns, "link", "set", "eth0", "up");
            run(true, "ip", "-n", ns, "link", "set", "lo", "up");
            run(true, "ip", "link", "set", veth, "master", bridge);
            run(true, "ip", "link", "set", veth, "up");
            addresses.put(host, address);
        }
    }

    public String namespace(String host) {
        return require(namespaces, host);
    }

    public String address(String host) {
        return require(addresses, host);
    }

    /** The root namespace's address on the bridge, from which the test watches. */
    public String observerAddress() {
        return SUBNET_PREFIX + n + ".254";
    }

    public String bridge() {
        return bridge;
    }

    /** Cuts {@code host}'s only link: its veth leaves the bridge. */
    public void cut(String host) throws IOException {
        run(true, "ip", "link", "set", require(veths, host), "nomaster");
    }

    public void restore(String host) throws IOException {
        run(true, "ip", "link", "set", require(veths, host), "master", bridge);
    }

    public String describe() {
        StringBuilder text = new StringBuilder("bridge " + bridge + " (" + observerAddress() + ")");
        namespaces.forEach((host, ns) -> text.append(", host ").append(host).append(" = ").append(ns)
                .append(" ").append(addresses.get(host)));
        return text.toString();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (String ns : namespaces.values()) {
            killLeftovers(ns);
            runQuietly("ip", "netns", "del", ns);
        }
        for (String veth : veths.values()) {
            if (Files.exists(Path.of("/sys/class/net", veth))) {
                runQuietly("ip", "link", "del", veth);
            }
        }
        runQuietly("ip", "link", "del", bridge);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: this is the hook.
        }
    }

    /** Processes still in the namespace were started by this run (the test stops its own first). */
    private static void killLeftovers(String ns) {
        try {
            for (String pid : run(false, "ip", "netns", "pids", ns).split("\\s+")) {
                if (!pid.isBlank()) {
                    System.err.println("[three-hosts] process " + pid + " still in " + ns + ": kill -9");
                    ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        } catch (IOException | NumberFormatException e) {
            System.err.println("[three-hosts] cannot list the processes of " + ns + ": " + e.getMessage());
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("[three-hosts] cleanup: " + e);
        }
    }

    private static void runQuietly(String... command) {
        try {
            run(true, command);
        } catch (IOException e) {
            System.err.println("[three-hosts] cleanup: " + e.getMessage());
        }
    }

    private static String require(Map<String, String> map, String host) {
        String value = map.get(host);
        if (value == null) {
            throw new IllegalArgumentException("No host " + host);
        }
        return value;
    }

    /** Runs a short command; with {@code check}, a non-zero exit is an IOException carrying its output. */
    static String run(boolean check, String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + ": no exit within 30 s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (check && process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited " + process.exitValue() + ": " + text.strip());
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
    }
}
