package io.switchboard.engine.step;

import io.switchboard.engine.workflow.Step;
import java.util.Set;

/**
 * Everything the product knows about one step type, declared in the type's own folder beside its
 * record and handler: its name in documents, how a document becomes the record (with problems at
 * JSON paths), its handler, its JSON Schema fragment ({@code <name>.schema.json} beside this class,
 * with an example document under {@code examples}),
 * the run variables it writes and the ports it needs. The record declares its nested step lists
 * ({@link Step#nested()}). {@link StepTypes} lists every type; nothing else names them.
 */
public interface StepType<S extends Step> {

    /** The type as documents write it, e.g. {@code send_message}. */
    String name();

    Class<S> stepClass();

    /**
     * The record for a step document that passed the JSON Schema; rules a schema cannot express are
     * reported with {@link StepReader#problem}. Nested lists are read with {@link StepReader#steps}.
     */
    S parse(StepReader step);

    StepHandler<S> handler();

    /**
     * Rules that depend on the rest of the workspace, checked each time the step's workflow is
     * published wherever the step sits ({@code path} is its JSON path). Most types have none.
     */
    default void checkOnPublish(S step, String path, PublishContext publish) {
    }

    /** Namespaces of the run variables the step writes ({@code http} for {@code $http.status}). */
    default Set<String> variableNamespaces() {
        return Set.of();
    }

    /** The ports (interfaces of {@link InboxPorts}) the handler calls besides the inbox itself. */
    default Set<Class<?>> ports() {
        return Set.of();
    }

    /**
     * True when repeating the step after a crash changes nothing: its effects are keyed by
     * {@code ctx.effectKey()} in a single store write and it calls no outside system. The engine then
     * writes no checkpoint right after it; the run's next write (the next checkpoint, wait or end)
     * records it, and a crash before that repeats it harmlessly. Steps that call outside systems
     * (a message, an HTTP request, an AI model) are checkpointed right away, so a crash repeats them
     * as rarely as possible.
     */
    default boolean repeatsHarmlessly() {
        return false;
    }

    /**
     * True when the step may run in a wake-up before its run is claimed, its inbox writes held and
     * committed with the run's next write, all or none ({@code engine/run/HeldWrites}): it writes only
     * what a commit can hold and calls no outside system. Every step that repeats harmlessly may; so may
     * a step whose repeat after a crash is not harmless, since what it holds lands with the run's
     * checkpoint or not at all.
     */
    default boolean holdsItsWrites() {
        return repeatsHarmlessly();
    }

    /** The classpath resource, relative to the descriptor's class, that holds the schema fragment. */
    default String schemaResource() {
        return name() + ".schema.json";
    }
}
