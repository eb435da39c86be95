package io.switchboard.engine;

import io.switchboard.engine.step.EffectClaims;
import io.switchboard.engine.step.EffectClaimsContract;

/** The EffectClaims contract against the engine tier's in-memory claims. */
class InMemoryClaimsTest extends EffectClaimsContract {

    @Override
    protected EffectClaims newClaims() {
        return new InMemoryClaims();
    }
}
