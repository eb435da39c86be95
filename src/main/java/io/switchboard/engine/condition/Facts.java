package io.switchboard.engine.condition;

import io.switchboard.inbox.Contact;
import io.switchboard.inbox.Directory;
import java.time.Instant;
import java.util.Map;

/** What conditions are evaluated against: the contact as it is now, the agents, the clock, the trigger. */
public record Facts(Contact contact, Directory directory, Instant now, Map<String, String> triggerData) {
}
