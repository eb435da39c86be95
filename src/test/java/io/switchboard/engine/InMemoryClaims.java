package io.switchboard.engine;

import io.switchboard.engine.step.EffectClaims;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Effect claims in memory, for the engine tier only; keyed per contact, as the store keys them. */
final class InMemoryClaims implements EffectClaims {

    private final Map<String, Earlier> claims = new ConcurrentHashMap<>();

    @Override
    public Optional<Earlier> claim(String ws, String contactId, String effectKey, Instant now) {
        return Optional.ofNullable(claims.putIfAbsent(ws + "|" + contactId + "|" + effectKey, new Earlier(null, false)));
    }

    @Override
    public void settle(String ws, String contactId, String effectKey, String outcome, boolean failed) {
        claims.put(ws + "|" + contactId + "|" + effectKey, new Earlier(outcome, failed));
    }
}
