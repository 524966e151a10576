package org.evcharging.central.interfaces.rest.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evcharging.central.application.audit.AuditEntry;
import org.evcharging.central.domain.model.audit.AuditRecord;

/** One page of the audit log, newest first; {@code nextOffset} is null on the last page. */
@Schema(name = "AuditPage")
public record AuditView(List<Line> entries, int limit, int offset, Integer nextOffset) {

    @Schema(name = "AuditEntry")
    public record Line(long id, String at, String actor, String sourceIp, String action, String parameters,
                       @Schema(enumeration = {"DONE", "REFUSED"}) String outcome, String detail) {

        static Line of(AuditRecord record) {
            AuditEntry e = record.entry();
            return new Line(record.id(), e.at().toString(), e.actor(), e.sourceIp(), e.action(), e.parameters(),
                    e.outcome().name(), e.detail());
        }
    }

    public static AuditView of(List<AuditRecord> records, int limit, int offset) {
        return new AuditView(records.stream().map(Line::of).toList(), limit, offset,
                records.size() < limit ? null : offset + records.size());
    }
}
