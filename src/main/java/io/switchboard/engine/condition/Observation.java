package io.switchboard.engine.condition;

/** One condition as evaluated: what it asked, the value it saw, and the answer. Kept in run history. */
public record Observation(String condition, String observed, boolean result) {
}
