package org.evcharging.driver.facade;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.evcharging.driver.facade.dto.PortalSnapshotDto;
import org.evcharging.driver.portal.DriverAccount;
import org.evcharging.driver.portal.DriverDirectory;

/**
 * What the driver pages may do and see. Pages talk only to this facade and get DTOs back; the
 * Kafka bridge and per-driver state stay behind it.
 */
@ApplicationScoped
public class DriverPortalFacade {

    /** Ids travel in JSON and in URLs of Central's panel: keep them plain. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    @Inject
    DriverDirectory directory;

    private final SnapshotAssembler assembler = new SnapshotAssembler(ZoneId.systemDefault());

    public static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Prepares the portal state of a driver whose password Central accepted (any number of browsers may share it). */
    public Optional<String> signIn(String driverId) {
        if (!validId(driverId)) {
            return Optional.empty();
        }
        directory.signIn(driverId).askHistory();
        return Optional.of(driverId);
    }

    /** Returns the reason the request could not be sent, if any. */
    public Optional<String> requestCharge(String driverId, String cpId) {
        if (!validId(cpId)) {
            return Optional.of("Enter a charging point id (letters, digits, _ . : -).");
        }
        return account(driverId).requestCharge(cpId);
    }

    public Optional<String> stop(String driverId) {
        return account(driverId).stop();
    }

    public void refreshHistory(String driverId) {
        account(driverId).askHistory();
    }

    /** Starts a service list given as pasted text, one CP id a line; blank lines are skipped. */
    public Optional<String> runServices(String driverId, String text) {
        List<String> ids = Arrays.stream(text == null ? new String[0] : text.split("\\R"))
                .map(String::trim).filter(line -> !line.isEmpty()).toList();
        Optional<String> bad = ids.stream().filter(id -> !validId(id)).findFirst();
        if (bad.isPresent()) {
            return Optional.of("Not a charging point id: " + bad.get());
        }
        return account(driverId).runServices(ids);
    }

    public Optional<PortalSnapshotDto> snapshot(String driverId) {
        return directory.view(driverId).map(view -> assembler.snapshot(view, directory.chargingPoints()));
    }

    /** Pages behind sign-in call this with the container's principal; without one nothing may happen. */
    private DriverAccount account(String driverId) {
        if (driverId == null) {
            throw new IllegalStateException("No driver is signed in");
        }
        return directory.find(driverId).orElseGet(() -> directory.signIn(driverId));
    }
}
