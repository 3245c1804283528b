package org.reformtargets.rules.reliability;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.reformtargets.core.RuleSet;
import org.reformtargets.testkit.RuleSetProperties;
import org.reformtargets.testkit.ScenarioGenerator;

/** The testkit's ready-made properties hold for every bundled rule set, on generated scenarios. */
class BundledRuleSetPropertiesTest {

    private static final int EXAMPLES = 40;

    @TestFactory
    Stream<DynamicTest> everyBundledRuleSetKeepsEveryProperty() {
        List<String> ids = RuleSet.available();
        return ids.stream().map(id -> DynamicTest.dynamicTest(id, () -> {
            RuleSet rules = RuleSet.load(id);
            RuleSetProperties.of(rules).checkAll(ScenarioGenerator.forRuleSet(rules).stream(1, EXAMPLES));
        }));
    }
}
