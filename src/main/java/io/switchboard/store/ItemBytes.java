package io.switchboard.store;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's size as DynamoDB bills it ("Item sizes and formats" in the DynamoDB developer guide): each
 * attribute's name in UTF-8 plus its value; a number about one byte per two significant digits plus one;
 * a list or map 3 bytes plus 1 per element. A write costs one unit per KB of the larger of the item
 * before and after it, so this says how close an item is to a second unit.
 */
public final class ItemBytes {

    private ItemBytes() {
    }

    public static int of(Map<String, AttributeValue> item) {
        int bytes = 0;
        for (var e : item.entrySet()) {
            bytes += utf8(e.getKey()) + value(e.getValue());
        }
        return bytes;
    }

    private static int value(AttributeValue v) {
        if (v.s() != null) {
            return utf8(v.s());
        }
        if (v.n() != null) {
            return number(v.n());
        }
        if (v.b() != null) {
            return v.b().asByteArray().length;
        }
        if (v.bool() != null || Boolean.TRUE.equals(v.nul())) {
            return 1;
        }
        if (v.hasL()) {
            return 3 + v.l().stream().mapToInt(x -> 1 + value(x)).sum();
        }
        if (v.hasM()) {
            return 3 + v.m().entrySet().stream().mapToInt(x -> 1 + utf8(x.getKey()) + value(x.getValue())).sum();
        }
        if (v.hasSs()) {
            return v.ss().stream().mapToInt(ItemBytes::utf8).sum();
        }
        if (v.hasNs()) {
            return v.ns().stream().mapToInt(ItemBytes::number).sum();
        }
        if (v.hasBs()) {
            return v.bs().stream().mapToInt(b -> b.asByteArray().length).sum();
        }
        return 0;
    }

    private static int number(String n) {
        // significant digits: DynamoDB trims leading and trailing zeroes (an exponent is not a digit)
        String digits = n.replaceAll("[eE].*", "").replaceAll("[^0-9]", "").replaceAll("^0+", "").replaceAll("0+$", "");
        return (digits.length() + 1) / 2 + 1;
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
