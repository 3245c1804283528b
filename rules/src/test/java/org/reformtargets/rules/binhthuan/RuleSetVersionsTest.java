// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.rules.binhthuan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reformtargets.rules.y2020.Given.result;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reformtargets.core.Evaluation;
import org.reformtargets.core.FactsDocument;
import org.reformtargets.core.Level;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.RuleSetNotFoundException;
import org.reformtargets.core.RuleSetRef;
import org.reformtargets.core.Status;
import org.reformtargets.rules.y2020.Given;

/** Choosing a rule set by family and year, by date, and by exact version; two versions of one rule set side by side. */
class RuleSetVersionsTest {

    private static final List<String> BINH_THUAN = List.of("binh-thuan-qlcl/2021", "binh-thuan-qlcl/2022",
            "binh-thuan-qlcl/2023", "binh-thuan-qlcl/2024", "binh-thuan-qlcl/2025");

    @Test
    void aFamilyAndAYearNameTheRuleSet() {
        assertEquals("binh-thuan-qlcl/2024", RuleSet.load("binh-thuan-qlcl", 2024).id());
        assertEquals("hcm-agri/2020", RuleSet.load("hcm-agri", 2020).id());
    }

    @Test
    void aYearWithoutRuleSetIsNotFoundAndTheMessageListsWhatExists() {
        RuleSetNotFoundException e = assertThrows(RuleSetNotFoundException.class, () -> RuleSet.load("binh-thuan-qlcl", 2026));
        assertEquals("binh-thuan-qlcl/2026", e.requested());
        assertTrue(e.available().containsAll(BINH_THUAN), e.available()::toString);
        assertTrue(e.getMessage().contains("binh-thuan-qlcl/2025"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "binh-thuan-qlcl, 2021-01-01, binh-thuan-qlcl/2021",
            "binh-thuan-qlcl, 2023-06-15, binh-thuan-qlcl/2023",
            "binh-thuan-qlcl, 2024-12-31, binh-thuan-qlcl/2024",
            "binh-thuan-qlcl, 2025-01-01, binh-thuan-qlcl/2025",
            "hcm-agri, 2020-02-29, hcm-agri/2020",
            "hcm-agri, 2021-12-31, hcm-agri/2021",
    })
    void theRuleSetInForceOnADateIsTheOneWhoseEffectiveDatesContainIt(String family, LocalDate date, String id) {
        assertEquals(id, RuleSet.forDate(family, date).id());
    }

    @Test
    void aDateNoRuleSetOfTheFamilyCoversIsNotFoundAndTheMessageListsTheFamilyWithItsDates() {
        RuleSetNotFoundException e = assertThrows(RuleSetNotFoundException.class,
                () -> RuleSet.forDate("binh-thuan-qlcl", LocalDate.of(2026, 1, 1)));
        assertEquals(BINH_THUAN, e.available());
        assertTrue(e.getMessage().contains("binh-thuan-qlcl in force on 2026-01-01"), e.getMessage());
        assertTrue(e.getMessage().contains("binh-thuan-qlcl/2025 (in force 2025-01-01 to 2025-12-31)"), e.getMessage());
    }

    @Test
    void anUnknownFamilyIsNotFoundAndTheMessageListsEveryRuleSet() {
        RuleSetNotFoundException e = assertThrows(RuleSetNotFoundException.class,
                () -> RuleSet.forDate("no-such-family", LocalDate.of(2021, 1, 1)));
        assertEquals(List.of(), e.available());
        assertTrue(e.getMessage().contains("hcm-agri/2020"), e.getMessage());
    }

    @Test
    void theExactVersionOnTheClassPathLoads() {
        RuleSet rules = RuleSet.loadVersion("hcm-agri/2020", "1.0.0");
        assertEquals(new RuleSetRef("hcm-agri/2020", "1.0.0"), rules.ref());
    }

    @Test
    void anotherVersionIsRefusedAndTheMessageNamesTheOneOnTheClassPath() {
        RuleSetNotFoundException e = assertThrows(RuleSetNotFoundException.class,
                () -> RuleSet.loadVersion("binh-thuan-qlcl/2023", "1.1.0"));
        assertEquals("binh-thuan-qlcl/2023 version 1.1.0", e.requested());
        assertTrue(e.getMessage().contains("binh-thuan-qlcl/2023 version 1.0.0 only"), e.getMessage());
    }

    @Test
    @SuppressWarnings("deprecation")
    void aFamilyAndAYearGivenAsTwoStringsAreRefusedWithTheCallThatWasMeant() {
        RuleSetNotFoundException e = assertThrows(RuleSetNotFoundException.class,
                () -> RuleSet.load("hcm-agri", "2021"));
        assertTrue(e.getMessage().contains("call load(\"hcm-agri\", 2021) with an int year"), e.getMessage());
        assertEquals(new RuleSetRef("hcm-agri/2021", "1.0.0"), RuleSet.load("hcm-agri", 2021).ref());
        assertEquals(new RuleSetRef("hcm-agri/2020", "1.0.0"), RuleSet.load("hcm-agri/2020", "1.0.0").ref());
    }

    @Test
    void aHostsClassLoaderIsWhereForDateAndThePinnedLoadLook() {
        ClassLoader library = RuleSet.class.getClassLoader();
        assertEquals("hcm-agri/2021", RuleSet.forDate("hcm-agri", LocalDate.of(2021, 6, 1), library).id());
        assertEquals("hcm-agri/2020", RuleSet.loadVersion("hcm-agri/2020", "1.0.0", library).id());
        ClassLoader empty = new java.net.URLClassLoader(new java.net.URL[0], null);
        assertThrows(RuleSetNotFoundException.class, () -> RuleSet.forDate("hcm-agri", LocalDate.of(2021, 6, 1), empty));
        assertThrows(RuleSetNotFoundException.class, () -> RuleSet.loadVersion("hcm-agri/2020", "1.0.0", empty));
    }

    @Test
    void twoVersionsOfOneRuleSetSideBySideJudgeTheSameFactsDifferentlyAndEachEvaluationNamesItsVersion()
            throws URISyntaxException {
        RuleSet original = RuleSet.fromDirectory(folder("versions/1.0.0/demo-amend/2021"));
        RuleSet amended = RuleSet.fromDirectory(folder("versions/1.1.0/demo-amend/2021"));
        assertEquals(original.id(), amended.id());
        assertEquals(original.targets(), amended.targets());

        FactsDocument facts = Given.asOf("2021-12-31")
                .unit("snn", Level.DEPARTMENT)
                .ratio("snn", "satisfaction", "2021", 920, 1000)
                .facts();
        Evaluation before = original.evaluate(facts);
        Evaluation after = amended.evaluate(facts);

        assertEquals(new RuleSetRef("demo-amend/2021", "1.0.0"), before.ruleSet());
        assertEquals(new RuleSetRef("demo-amend/2021", "1.1.0"), after.ruleSet());
        assertEquals(Status.NOT_MET, result(before, "demo-amend/2021/satisfaction", "snn").status());
        assertEquals(Status.MET, result(after, "demo-amend/2021/satisfaction", "snn").status());
        assertEquals(">= 95", result(before, "demo-amend/2021/satisfaction", "snn").threshold());
        assertEquals(">= 90", result(after, "demo-amend/2021/satisfaction", "snn").threshold());
        assertNotEquals(before, after);
        assertEquals(LocalDate.of(2021, 7, 1), amended.manifest().effective().from());
    }

    private static Path folder(String resource) throws URISyntaxException {
        return Path.of(RuleSetVersionsTest.class.getClassLoader().getResource(resource).toURI());
    }
}
