package org.evcharging.central.domain.model.operator;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.evcharging.central.domain.shared.InvalidInputException;

/**
 * What an operator account may do. Each role includes the ones before it: an admin may also act on
 * CPs, an operator may also read. The lower-case names are the security roles of the API and panel.
 */
public enum OperatorRole {
    /** Reads: CPs, sessions, statistics, the audit log. */
    VIEWER,
    /** Also acts on CPs: authorize, stop, resume. */
    OPERATOR,
    /** Also manages operator accounts. */
    ADMIN;

    public static final String VIEWER_ROLE = "viewer";
    public static final String OPERATOR_ROLE = "operator";
    public static final String ADMIN_ROLE = "admin";

    /** The security role name of this role alone. */
    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every security role an account with this role holds (its own and the ones it includes). */
    public List<String> grantedRoleNames() {
        return Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal()).map(OperatorRole::roleName).toList();
    }

    public static OperatorRole parse(String text) {
        if (text != null) {
            for (OperatorRole role : values()) {
                if (role.roleName().equalsIgnoreCase(text.strip())) {
                    return role;
                }
            }
        }
        throw new InvalidInputException("Unknown role '" + text + "': expected viewer, operator or admin");
    }
}
