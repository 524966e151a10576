package org.evcharging.central.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

import org.evcharging.api.model.ChargingPointState;
import org.evcharging.central.application.ChargingPointService;
import org.evcharging.central.application.OperatorService;
import org.evcharging.central.application.OperatorService.BulkResult;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.interfaces.rest.dto.ChargingPointView;

/** Charging points: listings and operator actions, on one CP or on "all". */
@Path("charging-points")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ChargingPointResource {

    @Inject
    ChargingPointService chargingPoints;

    @Inject
    OperatorService operator;

    /** All CPs, or only those in {@code state} (e.g. ACTIVE = available, CHARGING = active). */
    @GET
    public List<ChargingPointView> list(@QueryParam("state") String state) {
        ChargingPointState filter = state == null ? null : ChargingPointState.fromWire(state.toUpperCase())
                .orElseThrow(() -> new IllegalArgumentException("Unknown state '" + state
                        + "': use ACTIVE, STOPPED, CHARGING, FAULTY or DISCONNECTED"));
        return chargingPoints.all().stream().filter(cp -> filter == null || cp.state() == filter)
                .map(ChargingPointView::of).toList();
    }

    @GET
    @Path("pending")
    public List<ChargingPointView> pending() {
        return chargingPoints.pending().stream().map(ChargingPointView::of).toList();
    }

    @GET
    @Path("{id}")
    public ChargingPointView get(@PathParam("id") String id) {
        return ChargingPointView.of(chargingPoints.get(CpId.of(id)));
    }

    @POST
    @Path("{id}/authorize")
    public ChargingPointView authorize(@PathParam("id") String id) {
        return ChargingPointView.of(operator.authorize(CpId.of(id)));
    }

    @POST
    @Path("{id}/stop")
    public ChargingPointView stop(@PathParam("id") String id) {
        return ChargingPointView.of(operator.stop(CpId.of(id)));
    }

    @POST
    @Path("{id}/resume")
    public ChargingPointView resume(@PathParam("id") String id) {
        return ChargingPointView.of(operator.resume(CpId.of(id)));
    }

    @POST
    @Path("all/authorize")
    public BulkResult authorizeAll() {
        return operator.authorizeAll();
    }

    @POST
    @Path("all/stop")
    public BulkResult stopAll() {
        return operator.stopAll();
    }

    @POST
    @Path("all/resume")
    public BulkResult resumeAll() {
        return operator.resumeAll();
    }
}
