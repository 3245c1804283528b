package org.reformtargets.core.internal;

import java.util.Objects;
import java.util.function.Function;
import org.reformtargets.core.RuleSet;

/** What a {@link RuleSet} was built from, for the library's own tests and tools. */
public final class RuleSetAccess {

    private static volatile Function<RuleSet, RuleSetCompiler.Compiled> compiled;

    private RuleSetAccess() {
    }

    /** Called once, by {@link RuleSet}'s class initialisation. */
    public static synchronized void register(Function<RuleSet, RuleSetCompiler.Compiled> accessor) {
        if (compiled != null) {
            throw new IllegalStateException("already registered");
        }
        compiled = Objects.requireNonNull(accessor);
    }

    /** The compiled form of {@code ruleSet}: its KieBase, rule metadata and whether it was precompiled. */
    public static RuleSetCompiler.Compiled compiled(RuleSet ruleSet) {
        return compiled.apply(Objects.requireNonNull(ruleSet, "ruleSet"));
    }
}
