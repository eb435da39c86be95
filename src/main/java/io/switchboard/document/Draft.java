package io.switchboard.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A workflow as its author last saved it, and which version of it is published (0: none). */
public record Draft(String id, JsonNode document, long revision, int publishedVersion, Instant updatedAt) {
}
