package io.switchboard.store;

import io.switchboard.engine.step.EffectClaims;
import io.switchboard.engine.step.EffectClaimsContract;

/** The EffectClaims contract against the DynamoDB adapter, on a fresh table in DynamoDB Local. */
class DynamoEffectClaimsTest extends EffectClaimsContract {

    @Override
    protected EffectClaims newClaims() {
        LocalTable table = new LocalTable();
        return new DynamoEffectClaims(table.db, table.name);
    }
}
