package org.evcharging.central.interfaces.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evcharging.central.application.accounts.AccountChange;
import org.evcharging.central.domain.model.operator.OperatorRole;

/** A new account (username, password, role) or a change of one (any of role, password, enabled). */
@Schema(name = "AccountRequest")
public record AccountRequest(String username, String password,
                             @Schema(enumeration = {"viewer", "operator", "admin"}) String role, Boolean enabled) {

    public AccountChange change() {
        return new AccountChange(role == null ? null : OperatorRole.parse(role), password, enabled);
    }

    /** What the audit log keeps of the request: never the password itself. */
    public String audited() {
        StringBuilder text = new StringBuilder();
        if (role != null) {
            text.append("role=").append(role).append(' ');
        }
        if (enabled != null) {
            text.append("enabled=").append(enabled).append(' ');
        }
        if (password != null) {
            text.append("password=changed");
        }
        return text.toString().strip();
    }
}
