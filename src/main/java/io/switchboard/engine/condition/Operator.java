package io.switchboard.engine.condition;

import java.util.Arrays;
import java.util.Optional;

public enum Operator {
    IS_EQUAL_TO("is_equal_to"),
    IS_NOT_EQUAL_TO("is_not_equal_to"),
    CONTAINS("contains"),
    EXISTS("exists"),
    DOES_NOT_EXIST("does_not_exist"),
    IS_GREATER_THAN("is_greater_than"),
    IS_LESS_THAN("is_less_than"),
    HAS_ANY_OF("has_any_of"),
    HAS_ALL_OF("has_all_of"),
    HAS_NONE_OF("has_none_of");

    static final java.util.Set<Operator> TEXT = java.util.EnumSet.of(IS_EQUAL_TO, IS_NOT_EQUAL_TO, CONTAINS,
            EXISTS, DOES_NOT_EXIST, HAS_ANY_OF, HAS_NONE_OF);
    static final java.util.Set<Operator> DURATION = java.util.EnumSet.of(EXISTS, DOES_NOT_EXIST,
            IS_GREATER_THAN, IS_LESS_THAN);

    /** Operators whose value is a single text or duration, not a list. */
    public boolean needsValue() {
        return this != EXISTS && this != DOES_NOT_EXIST;
    }

    private final String wireName;

    Operator(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Operator> fromWire(String value) {
        return Arrays.stream(values()).filter(o -> o.wireName.equals(value)).findFirst();
    }
}
