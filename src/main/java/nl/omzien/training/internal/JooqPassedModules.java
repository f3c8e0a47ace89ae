package nl.omzien.training.internal;

import nl.omzien.base.PersonId;
import nl.omzien.training.ModulePass;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.List;

import static nl.omzien.training.internal.db.Tables.MODULE_ATTEMPT;

@Repository
public class JooqPassedModules {

    private final DSLContext db;

    JooqPassedModules(DSLContext db) {
        this.db = db;
    }

    public List<ModulePass> of(PersonId userId) {
        return db.select(MODULE_ATTEMPT.MODULE_ID, MODULE_ATTEMPT.VERSION, MODULE_ATTEMPT.COMPLETED_AT)
                .from(MODULE_ATTEMPT)
                .where(MODULE_ATTEMPT.USER_ID.eq(userId), MODULE_ATTEMPT.PASSED.isTrue())
                .orderBy(MODULE_ATTEMPT.COMPLETED_AT.desc())
                .fetch(r -> new ModulePass(r.value1(), r.value2(), r.value3()));
    }
}
