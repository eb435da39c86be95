package io.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.condition.Category;
import io.switchboard.engine.condition.Condition;
import io.switchboard.engine.condition.ConditionEvaluator;
import io.switchboard.engine.condition.ConditionGroup;
import io.switchboard.engine.condition.Evaluation;
import io.switchboard.engine.condition.Facts;
import io.switchboard.engine.condition.Operator;
import io.switchboard.inbox.Agent;
import io.switchboard.inbox.Contact;
import io.switchboard.inbox.Conversation;
import io.switchboard.inbox.ConversationStatus;
import io.switchboard.inbox.DirectorySnapshot;
import io.switchboard.inbox.OpenedBy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConditionEvaluatorTest {

    final Instant now = Instant.parse("2026-11-24T10:15:00Z");
    final ConditionEvaluator evaluator = new ConditionEvaluator();

    Contact contact(ConversationStatus status, Instant lastOutgoing) {
        return new Contact("ws", "ada", "Ada", Map.of("tier", "VIP"), Set.of("vip", "returning"), "alice",
                new Conversation("c1", status, OpenedBy.CONTACT, "web", now.minusSeconds(900), null,
                        now.minusSeconds(900), lastOutgoing));
    }

    Facts facts(Contact c) {
        return new Facts(c, DirectorySnapshot.empty().withAgent(new Agent("alice", "Alice", null, false)), now, Map.of());
    }

    static Condition c(Category category, String field, Operator op, String... values) {
        return new Condition(category, field, op, List.of(values));
    }

    @Test
    void theSeedBranchMatchesAnOpenConversationWithoutAReply() {
        ConditionGroup seed = new ConditionGroup(ConditionGroup.Match.ALL, List.of(
                c(Category.CONTACT_FIELD, "conversation_status", Operator.IS_EQUAL_TO, "Open"),
                c(Category.TIME_SINCE_LAST_OUTGOING_MESSAGE, null, Operator.DOES_NOT_EXIST)));
        assertTrue(evaluator.evaluate(seed, facts(contact(ConversationStatus.OPEN, null))).matched());
        assertFalse(evaluator.evaluate(seed, facts(contact(ConversationStatus.CLOSED, null))).matched());
        Evaluation replied = evaluator.evaluate(seed, facts(contact(ConversationStatus.OPEN, now.minusSeconds(60))));
        assertFalse(replied.matched());
        assertEquals("PT1M", replied.observations().get(1).observed());
    }

    @Test
    void durationsTagsAssigneeStatusAndNestedAnyGroups() {
        Facts f = facts(contact(ConversationStatus.OPEN, now.minusSeconds(600)));
        assertTrue(evaluator.evaluate(group(c(Category.TIME_SINCE_LAST_OUTGOING_MESSAGE, null, Operator.IS_GREATER_THAN, "PT5M")), f).matched());
        assertFalse(evaluator.evaluate(group(c(Category.TIME_SINCE_LAST_INCOMING_MESSAGE, null, Operator.IS_LESS_THAN, "PT5M")), f).matched());
        assertTrue(evaluator.evaluate(group(c(Category.CONTACT_TAG, null, Operator.HAS_ALL_OF, "vip", "returning")), f).matched());
        assertTrue(evaluator.evaluate(group(c(Category.ASSIGNEE_STATUS, null, Operator.IS_EQUAL_TO, "offline")), f).matched());
        ConditionGroup any = new ConditionGroup(ConditionGroup.Match.ANY, List.of(
                c(Category.CONTACT_FIELD, "tier", Operator.IS_EQUAL_TO, "gold"),
                new ConditionGroup(ConditionGroup.Match.ALL, List.of(
                        c(Category.CONTACT_FIELD, "tier", Operator.IS_EQUAL_TO, "vip"),
                        c(Category.ASSIGNEE, null, Operator.IS_EQUAL_TO, "alice")))));
        Evaluation e = evaluator.evaluate(any, f);
        assertTrue(e.matched());
        assertEquals(3, e.observations().size(), "every condition is recorded, not only the decisive one");
    }

    static ConditionGroup group(Condition c) {
        return new ConditionGroup(ConditionGroup.Match.ALL, List.of(c));
    }
}
