package io.switchboard.scenario.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded hostile values and structural mutations of valid JSON documents: the classes of input that
 * broke the product before (timestamps epoch milliseconds cannot hold, near-1 MB strings, ids thousands
 * of characters long, wrong types, nulls, deep nesting, broken UTF-8 and JSON), drawn from one Random so
 * a failing run is repeated exactly with its seed.
 */
final class Mutations {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final Random random;

    Mutations(Random random) {
        this.random = random;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A string a hostile or careless sender might put anywhere. */
    String hostileString() {
        return switch (random.nextInt(16)) {
            case 0 -> "";
            case 1 -> " ";
            case 2 -> repeat("a", 300 + random.nextInt(5000));
            case 3 -> repeat("é", 20_000 + random.nextInt(140_000));
            case 4 -> "+999999999-12-31T23:59:59Z";
            case 5 -> "-999999999-01-01T00:00:00Z";
            case 6 -> "\u0000\u0001\u001f";
            case 7 -> "\ud83d\ude00 emoji " + "\ud800"; // a lone surrogate at the end
            case 8 -> "a#b#c";
            case 9 -> "../../etc/passwd";
            case 10 -> "$contact.name $trigger.x ${x} {{x}}";
            case 11 -> "9223372036854775807";
            case 12 -> "-1";
            case 13 -> "<script>alert(1)</script>";
            case 14 -> "P" + random.nextInt(100000) + "D";
            default -> "x" + random.nextInt(1000);
        };
    }

    JsonNode hostileValue() {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(Long.MAX_VALUE);
            case 3 -> NODES.numberNode(-1);
            case 4 -> NODES.numberNode(1e308);
            case 5 -> NODES.numberNode(random.nextInt(100));
            case 6 -> NODES.arrayNode();
            case 7 -> NODES.objectNode();
            case 8 -> deep(50 + random.nextInt(400));
            case 9 -> bigArray(1 + random.nextInt(2000));
            default -> NODES.textNode(hostileString());
        };
    }

    private JsonNode deep(int depth) {
        JsonNode node = NODES.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            ObjectNode o = NODES.objectNode();
            o.set("a", node);
            node = o;
        }
        return node;
    }

    private ArrayNode bigArray(int n) {
        ArrayNode a = NODES.arrayNode();
        for (int i = 0; i < n; i++) {
            a.add("item" + i);
        }
        return a;
    }

    /** One to three structural changes at random places of a copy of the document. */
    JsonNode mutate(JsonNode document) {
        JsonNode copy = document.deepCopy();
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(copy, containers);
            JsonNode target = pick(containers);
            if (target instanceof ObjectNode o && o.size() > 0) {
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                String name = pick(names);
                switch (random.nextInt(5)) {
                    case 0 -> o.remove(name);
                    case 1 -> o.set("extra" + random.nextInt(10), hostileValue());
                    case 2 -> o.set(name, o.get(name).isContainerNode() ? o.get(name) : NODES.textNode(hostileString()));
                    default -> o.set(name, hostileValue());
                }
            } else if (target instanceof ArrayNode a) {
                switch (random.nextInt(4)) {
                    case 0 -> { if (a.size() > 0) { a.remove(random.nextInt(a.size())); } }
                    case 1 -> { if (a.size() > 0) { for (int k = 0; k < 1 + random.nextInt(200); k++) { a.add(a.get(0).deepCopy()); } } }
                    default -> a.add(hostileValue());
                }
            }
        }
        return copy;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
                collect(it.next(), out);
            }
        }
    }

    /** Bytes that are not the JSON they claim to be. */
    byte[] brokenBytes(String valid) {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(6)) {
            case 0 -> java.util.Arrays.copyOf(bytes, random.nextInt(Math.max(1, bytes.length)));
            case 1 -> new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28};
            case 2 -> "[]".getBytes(StandardCharsets.UTF_8);
            case 3 -> "null".getBytes(StandardCharsets.UTF_8);
            case 4 -> ("{\"a\":" + repeat("[", 5000)).getBytes(StandardCharsets.UTF_8);
            default -> {
                byte[] flipped = bytes.clone();
                for (int i = 0; i < 1 + random.nextInt(5) && flipped.length > 0; i++) {
                    flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
                }
                yield flipped;
            }
        };
    }

    String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String repeat(String s, int n) {
        return s.repeat(n);
    }

    static Map<String, String> headers(String... kv) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put(kv[i], kv[i + 1]);
        }
        return out;
    }
}
