package org.evcharging.central.domain.model.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.evcharging.central.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class OperatorRoleTest {

    @Test
    void eachRoleIncludesTheOnesBelowIt() {
        assertThat(OperatorRole.VIEWER.grantedRoleNames()).containsExactly("viewer");
        assertThat(OperatorRole.OPERATOR.grantedRoleNames()).containsExactly("viewer", "operator");
        assertThat(OperatorRole.ADMIN.grantedRoleNames()).containsExactly("viewer", "operator", "admin");
    }

    @Test
    void rolesAreParsedFromTheirNamesOnly() {
        assertThat(OperatorRole.parse(" Operator ")).isEqualTo(OperatorRole.OPERATOR);
        assertThatThrownBy(() -> OperatorRole.parse("root")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("viewer, operator or admin");
        assertThatThrownBy(() -> OperatorRole.parse(null)).isInstanceOf(InvalidInputException.class);
    }
}
