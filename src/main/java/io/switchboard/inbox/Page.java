package io.switchboard.inbox;

import java.util.List;

/** One page of a list, and where the next one starts ({@code next} null: this was the last). */
public record Page<T>(List<T> items, String next) {
}
