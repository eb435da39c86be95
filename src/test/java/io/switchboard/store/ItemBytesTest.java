package io.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The benchmark's item sizes follow "Item sizes and formats" in the DynamoDB developer guide. */
class ItemBytesTest {

    @Test
    void aFlatItemIsItsNamesAndValues() {
        // the published example of the ddbitemsizer package (141 bytes), strings and one number
        Map<String, AttributeValue> item = Map.of(
                "itemType", s("SLOT"), "id", s("abc1231"), "hostName", s("Harry Mason"),
                "timeSlot", s("February 23, 1999"), "slotStatus", s("OPEN"),
                "createdAt", s("February 1, 1999"), "updatedAt", s("February 1, 1999"),
                "expiresAt", AttributeValue.fromN("2099"));
        assertEquals(141, ItemBytes.of(item));
    }

    @Test
    void numbersCountTheirSignificantDigitsOnly() {
        assertEquals(1 + 3, ItemBytes.of(Map.of("n", AttributeValue.fromN("2099"))), "two digits a byte, plus one");
        assertEquals(1 + 2, ItemBytes.of(Map.of("n", AttributeValue.fromN("1000"))), "trailing zeroes are trimmed");
        assertEquals(1 + 2, ItemBytes.of(Map.of("n", AttributeValue.fromN("-0.0500"))), "so are leading ones");
    }

    @Test
    void setsAreTheSumOfTheirMembers() {
        assertEquals(2 + 3 + 2, ItemBytes.of(Map.of("ss", AttributeValue.fromSs(List.of("abc", "de")))));
        assertEquals(2 + 2 + 3, ItemBytes.of(Map.of("ns", AttributeValue.fromNs(List.of("7", "123")))));
        assertEquals(2 + 5, ItemBytes.of(Map.of("bs", AttributeValue.fromBs(List.of(
                SdkBytes.fromByteArray(new byte[2]), SdkBytes.fromByteArray(new byte[3]))))));
    }

    @Test
    void listsAndMapsAddThreeBytesAndOnePerElement() {
        assertEquals(1 + 3 + (1 + 2) + (1 + 1), ItemBytes.of(Map.of("l", AttributeValue.fromL(List.of(
                s("ab"), AttributeValue.fromBool(true))))));
        assertEquals(1 + 3 + (1 + 1 + 2), ItemBytes.of(Map.of("m", AttributeValue.fromM(Map.of("k", s("ab"))))));
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }
}
