package io.switchboard.engine.condition;

import java.util.List;

/** Conditions joined by AND ({@code ALL}) or OR ({@code ANY}); an empty group always matches. */
public record ConditionGroup(Match match, List<ConditionNode> conditions) implements ConditionNode {

    public static final ConditionGroup ALWAYS = new ConditionGroup(Match.ALL, List.of());

    public enum Match {
        ALL, ANY
    }
}
