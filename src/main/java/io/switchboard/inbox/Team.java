package io.switchboard.inbox;

import java.util.List;

/** A named group of agents; members keep the order in which they were added. */
public record Team(String id, String name, List<String> memberIds) {
}
