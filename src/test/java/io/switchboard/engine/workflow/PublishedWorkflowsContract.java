package io.switchboard.engine.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.step.addcomment.AddCommentStep;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the engine reads of published workflows, run against the DynamoDB workflow store and the
 * in-memory fake: the latest published version per workflow and trigger, and every version by number
 * (runs keep the version they started on).
 */
public abstract class PublishedWorkflowsContract {

    protected PublishedWorkflows store;

    protected abstract PublishedWorkflows newStore();

    /** Publishes {@code document} as the next version of workflow {@code id}. */
    protected abstract void publish(String ws, String id, String document);

    @BeforeEach
    void emptyStore() {
        store = newStore();
    }

    protected static String workflow(String trigger, String comment) {
        return """
            {"name": "W", "trigger": {"type": "%s"}, "steps": [{"id": "note", "type": "add_comment", "text": "%s"}]}
            """.formatted(trigger, comment);
    }

    static String comment(WorkflowDefinition w) {
        return ((AddCommentStep) w.steps().get(0)).text();
    }

    @Test
    void onlyTheWorkspacesWorkflowsPublishedForTheTriggerAreListed() {
        publish("ws", "greet", workflow("conversation_opened", "hello"));
        publish("ws", "bye", workflow("conversation_closed", "bye"));
        publish("other", "theirs", workflow("conversation_opened", "not ours"));

        List<WorkflowDefinition> opened = store.publishedFor("ws", TriggerType.CONVERSATION_OPENED);
        assertEquals(List.of("greet"), opened.stream().map(WorkflowDefinition::id).toList());
        assertEquals("hello", comment(opened.get(0)));
        assertEquals(1, opened.get(0).version());
        assertEquals(List.of(), store.publishedFor("ws", TriggerType.MANUAL));
    }

    @Test
    void aNewVersionReplacesTheListedOneAndEarlierVersionsStayReadable() {
        publish("ws", "greet", workflow("conversation_opened", "v1"));
        publish("ws", "greet", workflow("conversation_opened", "v2"));

        List<WorkflowDefinition> opened = store.publishedFor("ws", TriggerType.CONVERSATION_OPENED);
        assertEquals(1, opened.size());
        assertEquals(2, opened.get(0).version());
        assertEquals("v2", comment(opened.get(0)));
        assertEquals("v1", comment(store.version("ws", "greet", 1).orElseThrow()));
        assertTrue(store.version("ws", "greet", 3).isEmpty());
        assertTrue(store.version("other", "greet", 1).isEmpty());
    }

    @Test
    void aVersionOnAnotherTriggerLeavesTheOldTriggersList() {
        publish("ws", "greet", workflow("conversation_opened", "v1"));
        publish("ws", "greet", workflow("conversation_closed", "v2"));

        assertEquals(List.of(), store.publishedFor("ws", TriggerType.CONVERSATION_OPENED));
        assertEquals(List.of(2), store.publishedFor("ws", TriggerType.CONVERSATION_CLOSED).stream()
                .map(WorkflowDefinition::version).toList());
    }
}
