package io.switchboard.engine.run;

import java.time.Instant;

/**
 * What a paused step awaits, and until when: the one place a run keeps that bookkeeping (read and written
 * through {@link Run#awaiting()} and {@link Run#await}). Its {@link Kind} is the run's waiting state.
 *
 * @param since    when the step began awaiting (a queue's timeout counts from here)
 * @param deadline when the step gives up and leaves by its timeout path; null only in queues stored before
 *                 this record, whose deadline the step derives from {@code since}
 * @param attempts how often the step asked again or took a turn (invalid answers, AI turns)
 * @param reply    the contact's message the engine handed to the run, until the step takes it
 */
public record Awaiting(Kind kind, String stepId, Instant since, Instant deadline, int attempts, Reply reply) {

    public enum Kind {
        /** Ask a Question: the contact's answer. */
        REPLY(RunState.AWAITING_REPLY),
        /** AI Agent: the contact's next message, for the agent's next turn. */
        AI_TURN(RunState.AWAITING_AI_TURN),
        /** Assign To: an agent of the pool who can take the contact, offered again every period. */
        AGENT(RunState.QUEUED_FOR_ASSIGNMENT);

        private final RunState state;

        Kind(RunState state) {
            this.state = state;
        }

        public RunState state() {
            return state;
        }

        /** True when the contact's next message is what the step waits for (it resumes the run). */
        public boolean awaitsTheContact() {
            return this != AGENT;
        }
    }

    /** A message of the contact's, handed to the run. */
    public record Reply(String text, String messageId) {
    }

    public Awaiting withReply(Reply handed) {
        return new Awaiting(kind, stepId, since, deadline, attempts, handed);
    }

    public Awaiting withoutReply() {
        return new Awaiting(kind, stepId, since, deadline, attempts, null);
    }
}
