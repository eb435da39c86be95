package io.switchboard.inbox;

/**
 * How far an outgoing message got, as the platform reports it. Reports arrive out of order and more
 * than once; a message only ever moves up this order, so a late "sent" never hides a "read".
 */
public enum DeliveryStatus {
    SENT(1), DELIVERED(2), READ(3), FAILED(4);

    private final int rank;

    DeliveryStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public String wireName() {
        return name().toLowerCase();
    }
}
