package io.switchboard.engine.run;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * How a run keeps its {@link Awaiting} among its stored variables: one entry, {@value #KEY}, in a
 * query-string form (the stores already persist the variables, so the record needs no store change).
 * Runs stored before the record kept the same facts in several variables named by the step that wrote
 * them ({@code reply.*}, {@code ask.*}, {@code agent.*}, {@code queued.<step>}); they are read here, and
 * the first write of the record removes them, so a stored run resumes where it was.
 */
final class AwaitingVariables {

    static final String KEY = "awaiting";
    /** The last message handed to the run; it outlives the awaiting, so a redelivery is never a second reply. */
    static final String LAST_REPLY = "reply.lastMessageId";

    private static final String OLD_AWAITED_BY = "reply.awaitedBy";
    private static final String OLD_QUEUED = "queued.";
    private static final List<String> OLD = List.of(OLD_AWAITED_BY, "reply.text", "reply.messageId", "ask.deadline",
            "ask.invalid", "agent.turns", "agent.since", "agent.deadline");

    private AwaitingVariables() {
    }

    static Optional<Awaiting> read(Map<String, String> variables) {
        String stored = variables.get(KEY);
        return stored != null ? Optional.of(decode(stored)) : old(variables);
    }

    static void write(Map<String, String> variables, Awaiting awaiting) {
        OLD.forEach(variables::remove);
        variables.keySet().removeIf(k -> k.startsWith(OLD_QUEUED));
        if (awaiting == null) {
            variables.remove(KEY);
            return;
        }
        variables.put(KEY, encode(awaiting));
    }

    private static String encode(Awaiting a) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", a.kind().name());
        fields.put("step", a.stepId());
        fields.put("since", a.since() == null ? null : a.since().toString());
        fields.put("deadline", a.deadline() == null ? null : a.deadline().toString());
        fields.put("attempts", String.valueOf(a.attempts()));
        if (a.reply() != null) {
            fields.put("text", a.reply().text());
            fields.put("message", a.reply().messageId());
        }
        StringJoiner out = new StringJoiner("&");
        fields.forEach((k, v) -> {
            if (v != null) {
                out.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }

    private static Awaiting decode(String stored) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String pair : stored.split("&")) {
            int eq = pair.indexOf('=');
            f.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return new Awaiting(Awaiting.Kind.valueOf(f.get("kind")), f.get("step"), instant(f.get("since")),
                instant(f.get("deadline")), Integer.parseInt(f.getOrDefault("attempts", "0")),
                f.containsKey("text") ? new Awaiting.Reply(f.get("text"), f.get("message")) : null);
    }

    /** The record as runs stored before it kept it; the queue first, as the old state inference did. */
    private static Optional<Awaiting> old(Map<String, String> v) {
        for (Map.Entry<String, String> e : v.entrySet()) {
            if (e.getKey().startsWith(OLD_QUEUED)) {
                // the queue kept only its start: the step derives the deadline from its timeout, as it did
                return Optional.of(new Awaiting(Awaiting.Kind.AGENT, e.getKey().substring(OLD_QUEUED.length()),
                        Instant.parse(e.getValue()), null, 0, null));
            }
        }
        String step = v.get(OLD_AWAITED_BY);
        if (step == null) {
            return Optional.empty();
        }
        Awaiting.Reply reply = v.get("reply.text") == null ? null
                : new Awaiting.Reply(v.get("reply.text"), v.get("reply.messageId"));
        if (v.containsKey("agent.deadline")) {
            return Optional.of(new Awaiting(Awaiting.Kind.AI_TURN, step, instant(v.get("agent.since")),
                    instant(v.get("agent.deadline")), count(v.get("agent.turns")), reply));
        }
        return Optional.of(new Awaiting(Awaiting.Kind.REPLY, step, null, instant(v.get("ask.deadline")),
                count(v.get("ask.invalid")), reply));
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static int count(String text) {
        return text == null ? 0 : Integer.parseInt(text);
    }
}
