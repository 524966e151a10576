package org.evcharging.central.application.accounts;

import org.evcharging.central.domain.model.operator.OperatorRole;

/** What an admin changes on an account; each part is optional (null = unchanged). */
public record AccountChange(OperatorRole role, String password, Boolean enabled) {

    public boolean isEmpty() {
        return role == null && password == null && enabled == null;
    }
}
