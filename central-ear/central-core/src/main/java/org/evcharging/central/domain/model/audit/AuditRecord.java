package org.evcharging.central.domain.model.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

import java.time.Instant;

import org.evcharging.central.application.audit.AuditEntry;

/**
 * A stored line of the audit log, written once and never changed. Long texts are cut to their
 * column: an attacker's oversized input must not make the record of the attack fail.
 */
@Entity
@Table(name = "audit_log")
public class AuditRecord {

    static final int TEXT = 1024;

    // TABLE ids work on every database EclipseLink supports, SQLite included (it has no platform there).
    @Id
    @TableGenerator(name = "audit_ids", table = "id_sequences", pkColumnName = "name", valueColumnName = "next_value",
            pkColumnValue = "audit_log", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "audit_ids")
    @Column(name = "id")
    private Long id;

    @Column(name = "at_ms", nullable = false)
    private long atMillis;

    @Column(name = "actor", nullable = false, length = 128)
    private String actor;

    @Column(name = "source_ip", length = 64)
    private String sourceIp;

    @Column(name = "action", nullable = false, length = 64)
    private String action;

    @Column(name = "parameters", length = TEXT)
    private String parameters;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, length = 16)
    private AuditEntry.Outcome outcome;

    @Column(name = "detail", length = TEXT)
    private String detail;

    protected AuditRecord() {
    }

    public static AuditRecord of(AuditEntry entry) {
        AuditRecord record = new AuditRecord();
        record.atMillis = entry.at().toEpochMilli();
        record.actor = cut(entry.actor(), 128);
        record.sourceIp = cut(entry.sourceIp(), 64);
        record.action = cut(entry.action(), 64);
        record.parameters = cut(entry.parameters(), TEXT);
        record.outcome = entry.outcome();
        record.detail = cut(entry.detail(), TEXT);
        return record;
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public Long id() {
        return id;
    }

    public AuditEntry entry() {
        return new AuditEntry(Instant.ofEpochMilli(atMillis), actor, sourceIp, action, parameters, outcome, detail);
    }
}
