package org.evcharging.agent.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for Central's admin API: canned JSON per "METHOD path", a record of every request
 * with its body, and 401 for any other credentials than the expected ones.
 */
final class FakeAdminApi implements AutoCloseable {

    /** One request as received. */
    record Request(String line, String authorization, String body) {
    }

    private final HttpServer server;
    private final Map<String, String[]> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final String expectedAuthorization;

    FakeAdminApi(String expectedAuthorization) throws IOException {
        this.expectedAuthorization = expectedAuthorization;
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    FakeAdminApi answer(String requestLine, int status, String json) {
        answers.put(requestLine, new String[] {Integer.toString(status), json});
        return this;
    }

    URI uri() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    List<Request> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String line = exchange.getRequestMethod() + " " + exchange.getRequestURI();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(line, auth, body));
        String[] answer = !expectedAuthorization.equals(auth) ? new String[] {"401", ""}
                : answers.getOrDefault(line, new String[] {"404",
                        "{\"status\":404,\"error\":\"Not Found\",\"message\":\"nothing at " + line + "\"}"});
        byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(Integer.parseInt(answer[0]), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
