package org.evcharging.driver.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * The push stream of the signed-in driver's pages. The driver comes from the browser's own
 * session, never from the URL, so no one can listen to another driver's stream.
 */
@Path("events")
public class PortalEvents {

    @Inject
    DriverSession session;

    @Inject
    PushHub hub;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context SseEventSink sink, @Context Sse sse) {
        if (!session.isSignedIn()) {
            sink.close();
            return;
        }
        hub.open(session.getDriverId(), sink, sse);
    }
}
