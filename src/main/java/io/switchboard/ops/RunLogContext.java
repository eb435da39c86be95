package io.switchboard.ops;

import io.switchboard.engine.run.Run;
import io.switchboard.engine.run.RunObserver;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Puts the ids of the run a thread is working on into the logging MDC, so that every log line of a
 * run's work (the JSON log on Kubernetes and Lambda) names its workspace, contact, run and step;
 * and writes the run's milestones (started, woke up, finished) as log lines of their own.
 */
public final class RunLogContext implements RunObserver {

    private static final Logger LOG = Logger.getLogger("io.switchboard.runs");

    static final String WORKSPACE = "workspaceId";
    static final String CONTACT = "contactId";
    static final String RUN = "runId";
    static final String WORKFLOW = "workflowId";
    static final String STEP = "stepId";

    @Override
    public void entered(Run run) {
        put(run);
    }

    @Override
    public void stepStarting(Run run, String stepId, String stepType) {
        // put again: a run this step started (Trigger Another Workflow) may have replaced the ids meanwhile
        put(run);
        if (stepId != null) {
            MDC.put(STEP, stepId);
        }
    }

    @Override
    public void runStarted(Run run) {
        put(run);
        LOG.infof("run started: workflow %s version %d", run.workflowId(), run.workflowVersion());
    }

    @Override
    public void wokeUp(Run run, Duration lateness) {
        // a wake-up that held its first steps' writes is told when they commit: the line keeps that step's id
        putIds(run);
        LOG.infof("run woke up %d ms after its due time", lateness.toMillis());
    }

    @Override
    public void stepRan(Run run, String stepId, String stepType, StepOutcome outcome, Duration took) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        // told when the segment's write lands (a held wake-up, a first delivery), by then a later step's id
        // is in the MDC: the line carries its own step's
        Object running = MDC.get(STEP);
        if (stepId != null) {
            MDC.put(STEP, stepId);
        }
        try {
            LOG.debugf("step %s: %s in %d ms", stepType, outcome.tag(), took.toMillis());
        } finally {
            if (running == null) {
                MDC.remove(STEP);
            } else {
                MDC.put(STEP, running);
            }
        }
    }

    @Override
    public void runFinished(Run run) {
        LOG.infof("run %s", run.status().wireName());
    }

    @Override
    public void left(Run run) {
        MDC.remove(WORKSPACE);
        MDC.remove(CONTACT);
        MDC.remove(RUN);
        MDC.remove(WORKFLOW);
        MDC.remove(STEP);
    }

    private static void put(Run run) {
        putIds(run);
        MDC.remove(STEP);
    }

    private static void putIds(Run run) {
        MDC.put(WORKSPACE, run.workspaceId());
        MDC.put(CONTACT, run.contactId());
        MDC.put(RUN, run.id());
        MDC.put(WORKFLOW, run.workflowId());
    }
}
