package io.switchboard.engine.step.assignto;

import io.switchboard.engine.step.Await;
import io.switchboard.engine.step.StepContext;
import io.switchboard.engine.step.StepHandler;
import io.switchboard.engine.step.StepResult;

import io.switchboard.engine.assign.AssignmentPolicy;
import io.switchboard.engine.assign.AssignmentPolicy.Choice;
import io.switchboard.inbox.Agent;
import io.switchboard.inbox.ContactStore.AssignmentChange;
import io.switchboard.inbox.Directory;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assign To. When nobody is eligible the contact is queued: the run pauses on this step and offers
 * the contact to the team again every minute, until someone is eligible or the step's timeout
 * passes; then the timeout steps run, or the run ends. The queue is recorded in the run's history
 * once, when it starts, and once when it ends; a run never fails because a team is offline. While
 * queued, the contact is also in its pool's queue in the directory, so an agent who comes online is
 * offered it at once ({@code QueueOffers}) instead of at the next minute's re-offer.
 */
public final class AssignToHandler implements StepHandler<AssignToStep> {

    /** Round-robin rotation key for the "a user in the workspace" action. */
    static final String WORKSPACE_ROTATION = io.switchboard.engine.assign.QueueOffers.WORKSPACE_POOL;

    private final AssignmentPolicy policy = new AssignmentPolicy();

    @Override
    public StepResult run(AssignToStep step, StepContext ctx) {
        Directory directory = ctx.directory();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("action", step.action().name().toLowerCase());
        String target;
        String chosenName = null;
        switch (step.action()) {
            case UNASSIGN -> target = null;
            case USER -> {
                Optional<Agent> agent = directory.agent(step.userId());
                if (agent.isEmpty()) {
                    details.put("userId", step.userId());
                    return StepResult.unchanged("not assigned: user " + step.userId() + " does not exist", details);
                }
                target = agent.get().id();
                chosenName = agent.get().name();
            }
            default -> {
                Await queue = Await.agent(ctx, step, pool(step));
                Optional<Agent> chosen = choose(step, ctx, directory, details);
                if (chosen.isEmpty()) {
                    return queue(step, ctx, queue, details);
                }
                target = chosen.get().id();
                chosenName = chosen.get().name();
                if (queue.started()) {
                    details.put("queuedFor", Duration.between(queue.since(), ctx.now()).toString());
                    queue.stop();
                }
            }
        }
        AssignmentChange change = ctx.inbox().contacts().assign(ctx.run().workspaceId(), ctx.run().contactId(),
                target, ctx.effectKey(), ctx.now());
        ctx.contactChanged(ctx.contact().withAssignee(change.assigneeId()));
        if (change.previousAssigneeId() != null) {
            details.put("previousAssignee", change.previousAssigneeId());
        }
        if (change.assigneeId() != null) {
            details.put("assignee", change.assigneeId());
        }
        // the chosen agent's name is known from the pool read; a replay that kept another assignee looks it up
        String outcome = change.assigneeId() == null ? "unassigned"
                : "assigned to " + (change.assigneeId().equals(target) && chosenName != null ? chosenName
                        : directory.agent(change.assigneeId()).map(Agent::name).orElse(change.assigneeId()));
        return StepResult.changed(outcome, details);
    }

    /** The queue an agent coming online looks in: the team's, or the workspace's. */
    private static String pool(AssignToStep step) {
        return step.action() == AssignToStep.Action.TEAM ? step.teamId() : WORKSPACE_ROTATION;
    }

    /**
     * Nobody is eligible: the contact waits, offered again every minute. The timeout counts from when it
     * was first queued (a re-offer does not extend it).
     */
    private static StepResult queue(AssignToStep step, StepContext ctx, Await queue, Map<String, String> details) {
        Instant deadline = queue.since().plus(step.timeout());
        if (!ctx.now().isBefore(deadline)) {
            details.put("queuedFor", Duration.between(queue.since(), ctx.now()).toString());
            return queue.leaveBy("onTimeout", "not assigned within " + step.timeout() + ": " + details.get("reason"),
                    "; timeout steps run", "; the run ends", details);
        }
        details.put("timeoutAt", deadline.toString());
        return queue.until(deadline, 0, AssignToStep.QUEUE_RECHECK, "queued: " + details.get("reason"), details,
                !queue.started());
    }

    private Optional<Agent> choose(AssignToStep step, StepContext ctx, Directory directory,
            Map<String, String> details) {
        List<Agent> pool;
        String rotation;
        if (step.action() == AssignToStep.Action.TEAM) {
            // the members with their status in one read
            Optional<List<Agent>> members = directory.members(step.teamId());
            details.put("team", step.teamId());
            if (members.isEmpty()) {
                details.put("reason", "team " + step.teamId() + " does not exist");
                return Optional.empty();
            }
            pool = members.get();
            rotation = step.teamId();
        } else {
            pool = directory.agents();
            rotation = WORKSPACE_ROTATION;
        }
        String ws = ctx.run().workspaceId();
        String current = ctx.contact().assigneeId();
        // this run assigned the current assignee earlier: choosing again is a reassignment
        boolean reassigning = current != null && ctx.run().history().stream().anyMatch(r ->
                AssignToType.NAME.equals(r.stepType()) && current.equals(r.details().get("assignee")));
        Choice choice = policy.choose(pool, current, reassigning, step.logic(), step.onlyOnline(),
                step.maxOpenContacts(),
                () -> ctx.inbox().directory().nextRoundRobinTicket(ws, rotation),
                agentId -> ctx.inbox().contacts().openContactsOf(ws, agentId));
        details.put("logic", step.logic().name().toLowerCase());
        details.put("onlyOnline", String.valueOf(step.onlyOnline()));
        details.put("eligible", String.join(",", choice.eligible()));
        if (!choice.openContacts().isEmpty()) {
            details.put("openContacts", choice.openContacts().toString());
        }
        details.put("reason", choice.reason());
        // agents outside the team are not listed: a workspace can have thousands, and reading them all
        // for every team assignment would cost more than the assignment itself
        Map<String, String> notChosen = new LinkedHashMap<>(choice.notEligible());
        if (!notChosen.isEmpty()) {
            details.put(NOT_CHOSEN, grouped(notChosen));
        }
        return Optional.ofNullable(choice.found() ? choice.agent() : null);
    }

    /** History detail naming each agent that was not eligible and why: "reason: id, id; reason: id". */
    public static final String NOT_CHOSEN = "notChosen";

    /** Agents named per reason; a long list is cut, since the history is stored with every write of the run. */
    static final int NAMES_PER_REASON = 10;

    private static String grouped(Map<String, String> why) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        why.forEach((agent, reason) -> byReason.computeIfAbsent(reason, r -> new java.util.ArrayList<>()).add(agent));
        java.util.StringJoiner out = new java.util.StringJoiner("; ");
        byReason.forEach((reason, agents) -> {
            String names = String.join(", ", agents.subList(0, Math.min(NAMES_PER_REASON, agents.size())));
            if (agents.size() > NAMES_PER_REASON) {
                names += " and " + (agents.size() - NAMES_PER_REASON) + " more";
            }
            out.add(reason + ": " + names);
        });
        return out.toString();
    }
}
