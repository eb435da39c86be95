package io.switchboard.engine.condition;

/** A single condition or a nested AND/OR group of them. */
public sealed interface ConditionNode permits Condition, ConditionGroup {
}
