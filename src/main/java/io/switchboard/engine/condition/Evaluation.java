package io.switchboard.engine.condition;

import java.util.List;

public record Evaluation(boolean matched, List<Observation> observations) {
}
