package io.switchboard.ops;

import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.RunObserver;
import java.time.Duration;
import java.util.List;

/** Tells several observers, in order: the engine takes one. */
public final class RunObservers implements RunObserver {

    private final List<RunObserver> all;

    public RunObservers(RunObserver... all) {
        this.all = List.of(all);
    }

    @Override
    public void entered(Run run) {
        all.forEach(o -> o.entered(run));
    }

    @Override
    public void left(Run run) {
        all.forEach(o -> o.left(run));
    }

    @Override
    public void stepStarting(Run run, String stepId, String stepType) {
        all.forEach(o -> o.stepStarting(run, stepId, stepType));
    }

    @Override
    public void stepRan(Run run, String stepType, StepOutcome outcome, Duration took) {
        all.forEach(o -> o.stepRan(run, stepType, outcome, took));
    }

    @Override
    public void stepRan(Run run, String stepId, String stepType, StepOutcome outcome, Duration took) {
        all.forEach(o -> o.stepRan(run, stepId, stepType, outcome, took));
    }

    @Override
    public void runStarted(Run run) {
        all.forEach(o -> o.runStarted(run));
    }

    @Override
    public void runFinished(Run run) {
        all.forEach(o -> o.runFinished(run));
    }

    @Override
    public void runQueued(Run run) {
        all.forEach(o -> o.runQueued(run));
    }

    @Override
    public void wokeUp(Run run, Duration lateness) {
        all.forEach(o -> o.wokeUp(run, lateness));
    }
}
