package org.evcharging.central.domain.model.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.evcharging.central.application.audit.AuditEntry;
import org.evcharging.central.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

    @Test
    void absentFiltersMeanAnyAndTheDefaultPageIsTheNewestFifty() {
        AuditQuery query = AuditQuery.parse(" ", null, "", null, null, null, null);
        assertThat(query).isEqualTo(new AuditQuery(null, null, null, null, null, 50, 0));
    }

    @Test
    void filtersAreParsed() {
        AuditQuery query = AuditQuery.parse("vera", "cp.stop", "refused", "2026-11-30T10:00:00Z",
                "2026-11-30T11:00:00Z", 10, 20);
        assertThat(query.outcome()).isEqualTo(AuditEntry.Outcome.REFUSED);
        assertThat(query.from()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(query.limit()).isEqualTo(10);
        assertThat(query.offset()).isEqualTo(20);
    }

    @Test
    void malformedFiltersAreRefusedWithTheReason() {
        assertThatThrownBy(() -> AuditQuery.parse(null, null, "maybe", null, null, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("DONE or REFUSED");
        assertThatThrownBy(() -> AuditQuery.parse(null, null, null, "yesterday", null, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> AuditQuery.parse(null, null, null, null, null, 501, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("between 1 and 500");
        assertThatThrownBy(() -> AuditQuery.parse(null, null, null, null, null, 10, -1))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> AuditQuery.parse(null, null, null, "2026-11-30T11:00:00Z", "2026-11-30T10:00:00Z",
                null, null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("before");
    }

    @Test
    void anOversizedAttackIsStillRecordedCutToItsColumn() {
        AuditRecord record = AuditRecord.of(AuditEntry.refused("x".repeat(500), "10.0.0.1", "signin",
                "p".repeat(5000), "bad password"));
        assertThat(record.entry().actor()).hasSize(128);
        assertThat(record.entry().parameters()).hasSize(AuditRecord.TEXT).endsWith("…");
        assertThat(record.entry().detail()).isEqualTo("bad password");
    }
}
