// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.testkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;
import org.junit.jupiter.params.support.ParameterDeclarations;
import org.reformtargets.core.RuleSet;

/** The arguments of {@link GeneratedScenarios}: one document per seed, named {@code seed N}. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ScenarioArgumentsProvider implements ArgumentsProvider, AnnotationConsumer<GeneratedScenarios> {

    private static final Map<String, ScenarioGenerator> GENERATORS = new ConcurrentHashMap<>();

    private GeneratedScenarios settings;

    @Override
    public void accept(GeneratedScenarios annotation) {
        this.settings = annotation;
    }

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        if (settings.count() < 0) {
            throw new IllegalArgumentException("@GeneratedScenarios count must not be negative: " + settings.count());
        }
        ScenarioGenerator generator = GENERATORS.computeIfAbsent(settings.ruleSet(),
                id -> ScenarioGenerator.forRuleSet(RuleSet.load(id)));
        long first = settings.seed();
        return LongStream.range(0, settings.count()).mapToObj(i -> first + i)
                .map(seed -> Arguments.of(Named.of("seed " + seed, generator.generate(seed))));
    }
}
