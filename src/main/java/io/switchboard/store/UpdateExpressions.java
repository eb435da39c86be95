package io.switchboard.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds actions to a DynamoDB update expression. An expression names each clause (SET, REMOVE, ADD, DELETE)
 * once, so two writes of one item merged into one need their clauses joined, not their texts appended.
 */
final class UpdateExpressions {

    private static final Pattern CLAUSE = Pattern.compile("\\b(SET|REMOVE|ADD|DELETE)\\b");

    private UpdateExpressions() {
    }

    /** {@code expression} (null: none) with {@code set} joined to its SET clause and {@code remove} to its REMOVE clause. */
    static String with(String expression, String set, String remove) {
        Map<String, String> clauses = clauses(expression == null ? "" : expression);
        join(clauses, "SET", set);
        join(clauses, "REMOVE", remove);
        StringBuilder joined = new StringBuilder();
        clauses.forEach((clause, actions) -> joined.append(joined.isEmpty() ? "" : " ").append(clause).append(' ')
                .append(actions));
        return joined.toString();
    }

    private static void join(Map<String, String> clauses, String clause, String actions) {
        if (actions != null && !actions.isBlank()) {
            clauses.merge(clause, actions, (before, added) -> before + ", " + added);
        }
    }

    /** The expression's clauses in order, each to its actions. Attribute names here never spell a clause keyword. */
    private static Map<String, String> clauses(String expression) {
        Map<String, String> clauses = new LinkedHashMap<>();
        Matcher m = CLAUSE.matcher(expression);
        String clause = null;
        int from = 0;
        while (m.find()) {
            if (clause != null) {
                clauses.merge(clause, expression.substring(from, m.start()).trim(), (a, b) -> a + ", " + b);
            }
            clause = m.group(1);
            from = m.end();
        }
        if (clause != null) {
            clauses.merge(clause, expression.substring(from).trim(), (a, b) -> a + ", " + b);
        }
        return clauses;
    }
}
