// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.testkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Feeds a JUnit 5 {@code @ParameterizedTest} with documents of {@link ScenarioGenerator}, one
 * {@link org.reformtargets.core.FactsDocument} argument per seed, named by its seed so that a
 * failure can be replayed with {@code ScenarioGenerator.forRuleSet(...).generate(seed)}. Needs
 * {@code junit-jupiter-params} 5.13 or later on the test class path.
 *
 * <pre>{@code
 * @ParameterizedTest
 * @GeneratedScenarios(ruleSet = "hcm-agri/2021", count = 100)
 * void everyTargetIsJudged(FactsDocument facts) { ... }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ArgumentsSource(ScenarioArgumentsProvider.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface GeneratedScenarios {

    /** The id of a rule set on the class path, such as {@code hcm-agri/2021}. */
    String ruleSet();

    /** How many documents. */
    int count() default 50;

    /** The seed of the first document; the others follow it one by one. */
    long seed() default 1;
}
