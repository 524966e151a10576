package it.org.evcharging.central.arquillian;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * Test-only admin API resource (deployed into the web module by {@link CentralHttpArquillianIT}):
 * fails with an unexpected exception whose message and type are internals no caller should see.
 */
@Path("it-unexpected-failure")
public class FailingResource {

    static final String SECRET = "jdbc:sqlite:/secret/path password=hunter2";

    @GET
    public String fail() {
        throw new IllegalStateException("Unexpected: " + SECRET);
    }
}
