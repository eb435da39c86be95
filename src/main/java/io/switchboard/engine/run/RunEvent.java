package io.switchboard.engine.run;

/** What moves a run from one {@link RunState} to another (the rows of {@link RunMachine}). */
public enum RunEvent {
    /** A trigger event matched the workflow and the run was created. */
    TRIGGER_MATCHED,
    /** A Wait step: the run waits for its timer. */
    STEP_WAITS_FOR_TIMER,
    /** Ask a Question asked: the run waits for the contact's answer. */
    STEP_AWAITS_REPLY,
    /** An AI Agent took its turn: the run waits for the contact's next message. */
    STEP_AWAITS_AI_TURN,
    /** Assign To found nobody eligible: the contact waits in the queue. */
    STEP_QUEUES,
    /** The last step ran. */
    STEPS_END,
    /** A step could not run (an error, too many steps without a wait). */
    STEP_FAILS,
    /** The run's workflow version no longer exists when the run resumes. */
    WORKFLOW_GONE,
    /** A wake-up (scheduler or sweep) for the run's due time. */
    DUE,
    /** The contact wrote, and the run waits for their message. */
    REPLY_ARRIVES,
    /** An agent of the pool a queued run waits on came online: the contact is offered at once. */
    AGENT_AVAILABLE
}
