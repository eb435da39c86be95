package io.switchboard.engine.condition;

import static io.switchboard.engine.condition.Operator.*;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** What a condition looks at, and which operators apply to it. */
public enum Category {
    CONTACT_FIELD("contact_field", Operator.TEXT),
    CONTACT_TAG("contact_tag", EnumSet.of(EXISTS, DOES_NOT_EXIST, HAS_ANY_OF, HAS_ALL_OF, HAS_NONE_OF)),
    TIME_SINCE_LAST_OUTGOING_MESSAGE("time_since_last_outgoing_message", Operator.DURATION),
    TIME_SINCE_LAST_INCOMING_MESSAGE("time_since_last_incoming_message", Operator.DURATION),
    ASSIGNEE("assignee", Operator.TEXT),
    ASSIGNEE_STATUS("assignee_status", EnumSet.of(IS_EQUAL_TO, IS_NOT_EQUAL_TO, EXISTS, DOES_NOT_EXIST)),
    SOURCE("source", EnumSet.of(IS_EQUAL_TO, IS_NOT_EQUAL_TO, HAS_ANY_OF, HAS_NONE_OF)),
    /** A run variable by name (trigger data, a Shortcut's form, saved responses); numbers compare as numbers. */
    VARIABLE("variable", EnumSet.of(IS_EQUAL_TO, IS_NOT_EQUAL_TO, CONTAINS, EXISTS, DOES_NOT_EXIST, HAS_ANY_OF,
            HAS_NONE_OF, IS_GREATER_THAN, IS_LESS_THAN));

    private final String wireName;
    private final Set<Operator> operators;

    Category(String wireName, Set<Operator> operators) {
        this.wireName = wireName;
        this.operators = operators;
    }

    /** The operators that make sense for this category; documents using others are rejected on save. */
    public Set<Operator> operators() {
        return operators;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Category> fromWire(String value) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(value)).findFirst();
    }
}
