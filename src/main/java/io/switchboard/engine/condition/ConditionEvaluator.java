package io.switchboard.engine.condition;

import io.switchboard.inbox.Contact;
import io.switchboard.inbox.Conversation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates condition groups against {@link Facts}. Every condition is evaluated (no short circuit)
 * so that run history shows each value the Branch saw, not only the first decisive one.
 */
public final class ConditionEvaluator {

    public Evaluation evaluate(ConditionGroup group, Facts facts) {
        List<Observation> observations = new ArrayList<>();
        boolean matched = evaluateGroup(group, facts, observations);
        return new Evaluation(matched, List.copyOf(observations));
    }

    private boolean evaluateGroup(ConditionGroup group, Facts facts, List<Observation> out) {
        if (group.conditions().isEmpty()) {
            return true;
        }
        boolean all = true;
        boolean any = false;
        for (ConditionNode node : group.conditions()) {
            boolean result = node instanceof ConditionGroup nested
                    ? evaluateGroup(nested, facts, out)
                    : evaluateCondition((Condition) node, facts, out);
            all &= result;
            any |= result;
        }
        return group.match() == ConditionGroup.Match.ALL ? all : any;
    }

    private boolean evaluateCondition(Condition c, Facts facts, List<Observation> out) {
        boolean result;
        String observed;
        switch (c.category()) {
            case CONTACT_TAG -> {
                Set<String> tags = new TreeSet<>(facts.contact().tags());
                observed = String.join(",", tags);
                result = compareTags(c, tags);
            }
            case TIME_SINCE_LAST_OUTGOING_MESSAGE, TIME_SINCE_LAST_INCOMING_MESSAGE -> {
                Duration since = timeSince(c.category(), facts);
                observed = since == null ? null : since.toString();
                result = compareDuration(c, since);
            }
            case VARIABLE -> {
                observed = facts.variables().get(c.field());
                result = c.operator() == Operator.IS_GREATER_THAN || c.operator() == Operator.IS_LESS_THAN
                        ? compareNumber(c, observed) : compareText(c, observed);
            }
            default -> {
                observed = textValue(c, facts);
                result = compareText(c, observed);
            }
        }
        out.add(new Observation(c.describe(), observed, result));
        return result;
    }

    private static String textValue(Condition c, Facts facts) {
        Contact contact = facts.contact();
        return switch (c.category()) {
            case CONTACT_FIELD -> contactField(contact, c.field());
            case ASSIGNEE -> contact.assigneeId();
            case ASSIGNEE_STATUS -> facts.directory().agent(contact.assigneeId())
                    .map(a -> a.online() ? "online" : "offline").orElse(null);
            case SOURCE -> facts.triggerData().get("source");
            default -> throw new IllegalStateException("not a text category: " + c.category());
        };
    }

    /** Standard fields first, then the contact's custom fields by name. */
    static String contactField(Contact contact, String field) {
        return switch (field) {
            case "conversation_status" -> contact.currentConversation().map(v -> v.status().wireName()).orElse(null);
            case "name" -> contact.name();
            case "id" -> contact.id();
            default -> contact.fields().get(field);
        };
    }

    private static Duration timeSince(Category category, Facts facts) {
        Conversation conversation = facts.contact().conversation();
        if (conversation == null) {
            return null;
        }
        Instant at = category == Category.TIME_SINCE_LAST_OUTGOING_MESSAGE
                ? conversation.lastOutgoingAt()
                : conversation.lastIncomingAt();
        return at == null ? null : Duration.between(at, facts.now());
    }

    private static boolean compareText(Condition c, String observed) {
        String expected = c.value();
        return switch (c.operator()) {
            case EXISTS -> observed != null && !observed.isEmpty();
            case DOES_NOT_EXIST -> observed == null || observed.isEmpty();
            case IS_EQUAL_TO -> observed != null && observed.equalsIgnoreCase(expected);
            case IS_NOT_EQUAL_TO -> observed == null || !observed.equalsIgnoreCase(expected);
            case CONTAINS -> observed != null && observed.toLowerCase().contains(expected.toLowerCase());
            case HAS_ANY_OF -> observed != null && c.values().stream().anyMatch(observed::equalsIgnoreCase);
            case HAS_NONE_OF -> observed == null || c.values().stream().noneMatch(observed::equalsIgnoreCase);
            default -> throw new IllegalStateException(c.operator() + " does not apply to " + c.category());
        };
    }

    /** A value that is not a number is neither greater nor less than anything. */
    private static boolean compareNumber(Condition c, String observed) {
        try {
            int order = new java.math.BigDecimal(observed.trim()).compareTo(new java.math.BigDecimal(c.value()));
            return c.operator() == Operator.IS_GREATER_THAN ? order > 0 : order < 0;
        } catch (NumberFormatException | NullPointerException notANumber) {
            return false;
        }
    }

    private static boolean compareDuration(Condition c, Duration since) {
        return switch (c.operator()) {
            case EXISTS -> since != null;
            case DOES_NOT_EXIST -> since == null;
            case IS_GREATER_THAN -> since != null && since.compareTo(Duration.parse(c.value())) > 0;
            case IS_LESS_THAN -> since != null && since.compareTo(Duration.parse(c.value())) < 0;
            default -> throw new IllegalStateException(c.operator() + " does not apply to " + c.category());
        };
    }

    private static boolean compareTags(Condition c, Set<String> tags) {
        return switch (c.operator()) {
            case EXISTS -> !tags.isEmpty();
            case DOES_NOT_EXIST -> tags.isEmpty();
            case HAS_ANY_OF, IS_EQUAL_TO -> c.values().stream().anyMatch(tags::contains);
            case HAS_ALL_OF -> tags.containsAll(c.values());
            case HAS_NONE_OF, IS_NOT_EQUAL_TO -> c.values().stream().noneMatch(tags::contains);
            default -> throw new IllegalStateException(c.operator() + " does not apply to " + c.category());
        };
    }
}
