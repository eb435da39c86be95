package io.switchboard.engine.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.step.EffectClaims.Earlier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link EffectClaims} does; run against the DynamoDB adapter and the in-memory fake. */
public abstract class EffectClaimsContract {

    protected EffectClaims claims;
    protected final Instant t0 = Instant.parse("2026-11-24T10:00:00Z");

    protected abstract EffectClaims newClaims();

    @BeforeEach
    void noClaims() {
        claims = newClaims();
    }

    @Test
    void ofConcurrentClaimsOfOneEffectExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Optional<Earlier>>> tries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Callable<Optional<Earlier>> claim = () -> claims.claim("ws", "ada", "run-1#3", t0);
            tries.add(pool.submit(claim));
        }
        int won = 0;
        for (Future<Optional<Earlier>> t : tries) {
            won += t.get().isEmpty() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, won);
    }

    @Test
    void aLaterClaimSeesTheSettledOutcomeOrThatTheCallWasCutOff() {
        assertTrue(claims.claim("ws", "ada", "run-1#3", t0).isEmpty());
        assertEquals(Optional.of(new Earlier(null, false)), claims.claim("ws", "ada", "run-1#3", t0),
                "claimed, never settled: the holder stopped mid-call");

        claims.settle("ws", "ada", "run-1#3", "row not added: no access", true);
        assertEquals(Optional.of(new Earlier("row not added: no access", true)), claims.claim("ws", "ada", "run-1#3", t0));
        assertTrue(claims.claim("ws", "ada", "run-1#4", t0).isEmpty(), "each step execution has its own key");
        assertTrue(claims.claim("ws", "bob", "run-1#3", t0).isEmpty(), "keys live in their contact's partition");
    }

    @Test
    void aSuccessfulOutcomeIsRepeatedAsRecorded() {
        claims.claim("ws", "ada", "run-1#3", t0);
        claims.settle("ws", "ada", "run-1#3", "row added at Responses!A2:B2", false);
        assertEquals(Optional.of(new Earlier("row added at Responses!A2:B2", false)),
                claims.claim("ws", "ada", "run-1#3", t0.plusSeconds(60)));
    }
}
