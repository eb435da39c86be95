package io.switchboard.engine;

/**
 * The run a start of one named workflow led to. {@code duplicate}: this request was seen before and
 * its run already exists; {@code runId} is then that run. Neither started nor duplicate: the contact
 * does not meet the trigger's conditions (or was enrolled once already).
 */
public record Started(String runId, String contactId, boolean started, boolean duplicate, String status) {
}
