package org.evcharging.driver.facade;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.evcharging.api.model.ChargingPointState;
import org.evcharging.driver.facade.dto.ChargingPointDto;
import org.evcharging.driver.facade.dto.PortalSnapshotDto;
import org.evcharging.driver.facade.dto.ServiceRunDto;
import org.evcharging.driver.facade.dto.SessionDto;
import org.evcharging.driver.facade.dto.StepDto;
import org.evcharging.driver.facade.dto.TicketDto;
import org.evcharging.driver.portal.AccountView;
import org.evcharging.driver.portal.ChargingPointCatalog;
import org.evcharging.driver.portal.Step;
import org.evcharging.driver.portal.Ticket;

/** Turns the portal's state into the DTOs pages show, with figures formatted for people. */
final class SnapshotAssembler {

    static final String NO_CENTRAL = "Cannot connect to CENTRAL";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    SnapshotAssembler(ZoneId zone) {
        this.zone = zone;
    }

    PortalSnapshotDto snapshot(AccountView view, List<ChargingPointCatalog.Entry> points) {
        return new PortalSnapshotDto(view.driverId(), !view.centralSilent(), view.centralSilent() ? NO_CENTRAL : "",
                points.stream().map(e -> point(withOwnCharge(e, view.session()))).toList(), session(view.session()),
                view.tickets().stream().map(this::ticket).toList(), services(view.services()));
    }

    /** Central lists only free points; the point of the driver's own running charge is known to be charging. */
    private static ChargingPointCatalog.Entry withOwnCharge(ChargingPointCatalog.Entry e, AccountView.SessionView session) {
        boolean charging = session != null && session.live() && session.metered() && e.id().equals(session.cpId());
        return charging ? new ChargingPointCatalog.Entry(e.id(), e.location(), e.pricePerKwh(),
                ChargingPointState.CHARGING.wire()) : e;
    }

    static ChargingPointDto point(ChargingPointCatalog.Entry e) {
        String price = e.pricePerKwh() == null ? "" : String.format(Locale.ROOT, "%.3f EUR/kWh", e.pricePerKwh());
        return ChargingPointState.fromWire(e.state())
                .map(s -> new ChargingPointDto(e.id(), e.location(), price, s.label(), s.colour().css(), s.acceptsNewCharge()))
                .orElse(new ChargingPointDto(e.id(), e.location(), price, "Not available", "unavailable", false));
    }

    private SessionDto session(AccountView.SessionView s) {
        if (s == null) {
            return null;
        }
        List<StepDto> steps = s.steps().stream().map(this::step).toList();
        return new SessionDto(s.cpId(), s.sessionId() == null ? "" : s.sessionId(), s.stage().toLowerCase(Locale.ROOT),
                stageLabel(s.stage()), steps, fixed(s.energyKwh(), 3), fixed(s.powerKw(), 1), fixed(s.cost(), 2),
                elapsed(s.elapsedMs()), s.lastKafkaTimestamp(), s.live(), s.stoppable(),
                s.ticket() == null ? null : ticket(s.ticket()));
    }

    private static String stageLabel(String stage) {
        return switch (stage) {
            case "SENT" -> "Waiting for Central";
            case "ACCEPTED" -> "Accepted - waiting for the charging point";
            case "CHARGING" -> "Charging";
            case "REFUSED" -> "Refused";
            default -> "Ended";
        };
    }

    private StepDto step(Step step) {
        String time = CLOCK.format(Instant.ofEpochMilli(step.atMillis()).atZone(zone));
        return new StepDto(time, step.kind().name().toLowerCase(Locale.ROOT), step.text());
    }

    TicketDto ticket(Ticket t) {
        return new TicketDto(t.sessionId(), t.cpId(), when(t.startTime()), when(t.endTime()),
                t.energyKwh() == null ? "-" : fixed(t.energyKwh(), 3), t.totalCost() == null ? "-" : fixed(t.totalCost(), 2),
                t.endedBy() == null ? "" : t.endedBy());
    }

    private static ServiceRunDto services(AccountView.ServicesView s) {
        if (s == null) {
            return null;
        }
        List<ServiceRunDto.ServiceItemDto> items = s.items().stream()
                .map(i -> new ServiceRunDto.ServiceItemDto(i.cpId(), i.state().toLowerCase(Locale.ROOT), i.outcome()))
                .toList();
        String summary = s.finished() + " of " + items.size() + " done";
        if (s.done()) {
            summary = "All " + items.size() + " services done";
        } else if (s.pauseLeftMs() > 0) {
            summary += String.format(Locale.ROOT, " - next in %d s", (s.pauseLeftMs() + 999) / 1000);
        }
        return new ServiceRunDto(items, summary, s.done());
    }

    private String when(String iso) {
        if (iso == null || iso.isBlank()) {
            return "-";
        }
        try {
            return DATE_TIME.format(Instant.parse(iso).atZone(zone));
        } catch (DateTimeParseException e) {
            try {
                return DATE_TIME.format(LocalDateTime.parse(iso));
            } catch (DateTimeParseException again) {
                return iso;
            }
        }
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String elapsed(long ms) {
        long s = ms / 1000;
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}
