// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.testkit;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.reformtargets.core.RuleSet;

/** The fixture rule sets of the testkit's own tests. */
final class Fixtures {

    /** One target of each kind the testkit derives cases for; on the test class path as {@code tk/2021}. */
    static final String TK = "tk/2021";

    private static RuleSet tk;
    private static RuleSet broken;

    private Fixtures() {
    }

    static synchronized RuleSet tk() {
        if (tk == null) {
            tk = RuleSet.load(TK);
        }
        return tk;
    }

    /** A rule set whose one rule answers only for departments with sub-units. */
    static synchronized RuleSet broken() {
        if (broken == null) {
            broken = RuleSet.fromDirectory(resource("broken/tk-broken/2021"));
        }
        return broken;
    }

    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
