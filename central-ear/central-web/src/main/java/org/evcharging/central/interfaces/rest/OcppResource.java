package org.evcharging.central.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evcharging.central.domain.model.chargingpoint.CpId;
import org.evcharging.central.domain.shared.ConflictException;
import org.evcharging.central.domain.shared.InvalidInputException;
import org.evcharging.central.domain.shared.NotFoundException;
import org.evcharging.central.infrastructure.ocpp.Ocpp16;
import org.evcharging.central.infrastructure.ocpp.OcppChargers;

/** The operator's OCPP-only commands to a connected OCPP charger; the answer is the charger's own status. */
@Path("ocpp/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "OCPP chargers", description = "Reset and TriggerMessage for chargers connected over OCPP 1.6J")
@APIResponse(responseCode = "401", description = "No or wrong operator credentials")
public class OcppResource {

    @Inject
    OcppChargers chargers;

    @POST
    @Path("reset")
    @Operation(summary = "Reset an OCPP charger (Hard or Soft)")
    @APIResponse(responseCode = "200", description = "The charger's answer: Accepted or Rejected")
    @APIResponse(responseCode = "404", description = "No OCPP charger with this id is connected")
    @APIResponse(responseCode = "409", description = "The charger refused the request or did not answer in time")
    public Answer reset(@PathParam("id") String id, Reset body) {
        String type = body == null ? null : body.type();
        require(type, Ocpp16.RESET_TYPES, "type");
        return answer(id, "Reset", new Ocpp16.ResetReq(type));
    }

    @POST
    @Path("trigger")
    @Operation(summary = "Ask an OCPP charger to send a message now (TriggerMessage)")
    @APIResponse(responseCode = "200", description = "The charger's answer: Accepted, Rejected or NotImplemented")
    @APIResponse(responseCode = "404", description = "No OCPP charger with this id is connected")
    @APIResponse(responseCode = "409", description = "The charger refused the request or did not answer in time")
    public Answer trigger(@PathParam("id") String id, Trigger body) {
        String message = body == null ? null : body.message();
        require(message, Ocpp16.TRIGGERABLE, "message");
        return answer(id, "TriggerMessage", new Ocpp16.TriggerMessageReq(message, body.connectorId()));
    }

    private Answer answer(String id, String action, Object payload) {
        CpId cpId = CpId.of(id);
        CompletableFuture<JsonNode> answer = chargers.call(cpId, action, payload)
                .orElseThrow(() -> new NotFoundException("No OCPP charger " + cpId + " is connected"));
        try {
            return new Answer(answer.get().path("status").asText());
        } catch (ExecutionException e) {
            throw new ConflictException("Charger " + cpId + " did not accept " + action + ": " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException("Interrupted while waiting for charger " + cpId);
        }
    }

    private static void require(String value, Set<String> allowed, String field) {
        if (value == null || !allowed.contains(value)) {
            throw new InvalidInputException(field + " must be one of " + allowed.stream().sorted().toList());
        }
    }

    public record Reset(String type) {
    }

    public record Trigger(String message, Integer connectorId) {
    }

    public record Answer(String status) {
    }
}
