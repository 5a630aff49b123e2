package io.kapsocode.client;

import java.util.Optional;

/**
 * A Kapso API call that failed, typed by what the caller can do about it. The message says what was
 * being done ("updating workflow 'order-status'"), what Kapso answered, and the fix where one is known;
 * it never holds the API key.
 */
public class KapsoApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, as a caller decides on it. */
    public enum Kind {
        /** 401 or 403: the key is missing, wrong, or for another project. */
        AUTHENTICATION,
        /** 404. */
        NOT_FOUND,
        /** 409: someone else changed the resource (stale {@code lock_version}) or it is busy. */
        CONFLICT,
        /** 400 or 422: Kapso refused the request's content. */
        INVALID,
        /** 429 after every retry. */
        RATE_LIMITED,
        /** 5xx after every retry, on a call that is safe to repeat. */
        SERVER_ERROR,
        /** No answer (connection refused, reset, timed out) after every retry. */
        UNREACHABLE,
        /** An answer that is not the JSON the contract promises. */
        MALFORMED_RESPONSE,
        /**
         * A call that changes state got no clear answer: Kapso may or may not have applied it, so it was
         * not repeated. Read the resource back before trying again.
         */
        OUTCOME_UNKNOWN
    }

    private final Kind kind;
    private final int status;

    public KapsoApiException(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, if Kapso answered. */
    public Optional<Integer> status() {
        return status > 0 ? Optional.of(status) : Optional.empty();
    }

    static Kind kindOf(int status) {
        if (status == 401 || status == 403) {
            return Kind.AUTHENTICATION;
        }
        if (status == 404) {
            return Kind.NOT_FOUND;
        }
        if (status == 409) {
            return Kind.CONFLICT;
        }
        if (status == 400 || status == 422) {
            return Kind.INVALID;
        }
        if (status == 429) {
            return Kind.RATE_LIMITED;
        }
        return Kind.SERVER_ERROR;
    }
}
