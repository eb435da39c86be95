package io.switchboard.engine.step;

import io.switchboard.engine.workflow.Step;
import java.util.Set;
import java.util.function.Function;

/**
 * A step type's name, record class, handler and parse, given once in its constructor; a type
 * overrides only what it adds (variables, ports, a publish check).
 */
public abstract class DeclaredStepType<S extends Step> implements StepType<S> {

    private final String name;
    private final Class<S> stepClass;
    private final StepHandler<S> handler;
    private final Function<StepReader, S> parser;
    private Set<String> variableNamespaces = Set.of();
    private Set<Class<?>> ports = Set.of();
    private boolean repeatsHarmlessly;
    private boolean holdsItsWrites;

    protected DeclaredStepType(String name, Class<S> stepClass, StepHandler<S> handler, Function<StepReader, S> parser) {
        this.name = name;
        this.stepClass = stepClass;
        this.handler = handler;
        this.parser = parser;
    }

    /** The namespaces of run variables the step writes ({@code http} for {@code $http.status}). */
    protected final void writesVariables(String... namespaces) {
        variableNamespaces = Set.of(namespaces);
    }

    /** The ports the handler calls besides the inbox itself. */
    protected final void needs(Class<?>... required) {
        ports = Set.of(required);
    }

    /** Declares that a repeat after a crash changes nothing (see {@link StepType#repeatsHarmlessly()}). */
    protected final void repeatsHarmlessly(boolean harmless) {
        repeatsHarmlessly = harmless;
    }

    @Override
    public final boolean repeatsHarmlessly() {
        return repeatsHarmlessly;
    }

    /** Declares that a wake-up may hold the step's writes (see {@link StepType#holdsItsWrites()}). */
    protected final void holdsItsWrites(boolean holds) {
        holdsItsWrites = holds;
    }

    @Override
    public final boolean holdsItsWrites() {
        return holdsItsWrites || repeatsHarmlessly;
    }

    @Override
    public final Set<String> variableNamespaces() {
        return variableNamespaces;
    }

    @Override
    public final Set<Class<?>> ports() {
        return ports;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Class<S> stepClass() {
        return stepClass;
    }

    @Override
    public final StepHandler<S> handler() {
        return handler;
    }

    @Override
    public final S parse(StepReader step) {
        return parser.apply(step);
    }
}
