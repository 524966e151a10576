package org.evcharging.api.message;

/** The {@code status} strings replies carry. */
public final class ReplyStatus {

    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";
    /** An {@code auth_response} for a CP that waits for the operator's approval. */
    public static final String PENDING = "pending";
    /** The Engine's {@code error_response}, and its fault notice to drivers. */
    public static final String ERROR = "error";
    /** An operator command on "all" CPs that worked for some only. */
    public static final String PARTIAL = "partial";

    private ReplyStatus() {
    }
}
