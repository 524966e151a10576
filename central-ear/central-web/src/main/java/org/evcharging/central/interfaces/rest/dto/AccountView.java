package org.evcharging.central.interfaces.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evcharging.central.application.Times;
import org.evcharging.central.domain.model.operator.OperatorAccount;

/** An operator account as an admin sees it: never its password or hash. */
@Schema(name = "OperatorAccount")
public record AccountView(String username, @Schema(enumeration = {"viewer", "operator", "admin"}) String role,
                          boolean enabled, String createdAt) {

    public static AccountView of(OperatorAccount account) {
        return new AccountView(account.username(), account.role().roleName(), account.isEnabled(),
                Times.iso(account.createdAtMillis()));
    }
}
