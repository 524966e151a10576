package org.evcharging.central.interfaces.panel;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evcharging.central.application.PanelFeed;
import org.evcharging.central.domain.model.operator.OperatorRole;
import org.evcharging.central.application.PanelNotice;

/** The live panel's data (the page itself is static, under /panel/). */
@Path("panel")
@RequestScoped
@RolesAllowed(OperatorRole.VIEWER_ROLE)
@Tag(name = "Panel", description = "The live operator panel's data")
public class PanelResource {

    @Inject
    PanelStream stream;

    @Inject
    PanelFeed feed;

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live events", description = "'snapshot' (every tile, each second and after each change),"
            + " 'history' (recent feed lines, once) and 'feed' (one line: request, decision, fault, recovery, state)")
    public void events(@Context SseEventSink sink, @Context Sse sse) {
        stream.open(sink, sse);
    }

    @GET
    @Path("snapshot")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every tile now")
    public PanelSnapshot snapshot() {
        return stream.snapshot();
    }

    @GET
    @Path("feed")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recent feed lines, newest first")
    public List<PanelNotice> recentFeed() {
        return feed.recent();
    }
}
