package io.kapsocode.plan;

/** What apply does to one resource. */
public enum Action {
    /** It is in the sources only. */
    CREATE,
    /** It differs. */
    UPDATE,
    /** A workflow gone from the sources is archived ({@code kapso.prune}). */
    ARCHIVE,
    /** A function gone from the sources is deleted ({@code kapso.prune}). */
    DELETE,
    /** Local and remote mean the same. */
    NO_CHANGE,
    /** It is remote only and stays: prune is off, it is protected, or Kapso cannot remove it. */
    KEEP;

    public boolean writes() {
        return this == CREATE || this == UPDATE || this == ARCHIVE || this == DELETE;
    }
}
