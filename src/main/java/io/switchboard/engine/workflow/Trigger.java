package io.switchboard.engine.workflow;

import io.switchboard.engine.condition.ConditionGroup;

/** What starts a run, and the conditions the event must meet. */
public record Trigger(TriggerType type, ConditionGroup conditions) {
}
