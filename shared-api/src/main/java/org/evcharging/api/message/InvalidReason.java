package org.evcharging.api.message;

/** Why a payload could not become a {@link WireMessage}. */
public enum InvalidReason {
    /** Not UTF-8 JSON text (or more than one JSON value). */
    NOT_JSON,
    /** Valid JSON, but an array, string, number, boolean or null instead of an object. */
    NOT_AN_OBJECT,
    /** An object without a {@code type}, or with a null one. */
    MISSING_TYPE,
    /** A {@code type} no process of the system sends. */
    UNKNOWN_TYPE,
    /** A known type with required fields absent or null. */
    MISSING_FIELDS,
    /** A field whose JSON value cannot be read as the record's type (e.g. an object where a number belongs). */
    WRONG_FIELD_TYPE
}
