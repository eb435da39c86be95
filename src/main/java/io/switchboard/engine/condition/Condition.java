package io.switchboard.engine.condition;

import java.util.List;

/**
 * Category + operator + value, as the Branch step and trigger conditions are configured.
 * {@code field} names the contact field for the contact_field category; {@code values} holds the
 * list for tag operators, and its first element is the value of single-value operators.
 */
public record Condition(Category category, String field, Operator operator, List<String> values)
        implements ConditionNode {

    public String value() {
        return values.isEmpty() ? null : values.get(0);
    }

    public String describe() {
        String subject = field == null ? category.wireName() : category.wireName() + "." + field;
        return subject + " " + operator.wireName() + (values.isEmpty() ? "" : " " + String.join(",", values));
    }
}
