// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.RuleSetManifest;

class RuleSetsCommandTest {

    @Test
    void listsEveryBundledRuleSetWithVersionTargetCountDatesAndEnglishTitle() {
        Cli.Run run = Cli.run("rulesets");

        assertEquals(0, run.status(), run.err());
        for (String id : RuleSet.available()) {
            RuleSet rules = RuleSet.load(id);
            RuleSetManifest m = rules.manifest();
            String row = "(?m)^  " + Pattern.quote(id) + " +" + Pattern.quote(m.version()) + " +" + rules.targets().size()
                    + " +" + m.effective().from() + " to " + m.effective().to() + " +" + Pattern.quote(m.title().en()) + "$";
            assertTrue(Pattern.compile(row).matcher(run.out()).find(), id + " missing in\n" + run.out());
        }
        assertTrue(run.out().contains(RuleSet.available().size() + " rule sets"), run.out());
    }

    @Test
    void hcmAgri2021HasSeventeenTargetsAndBinhThuan2023Eleven() {
        Cli.Run run = Cli.run("rulesets");

        assertTrue(Pattern.compile("(?m)^  hcm-agri/2021 +1\\.0\\.0 +17 +2021-01-01 to 2021-12-31 ").matcher(run.out()).find(),
                run.out());
        assertTrue(Pattern.compile("(?m)^  binh-thuan-qlcl/2023 +1\\.0\\.0 +11 +2023-01-01 to 2023-12-31 ").matcher(run.out()).find(),
                run.out());
    }

    @Test
    void langViShowsTheVietnameseTitles() {
        Cli.Run run = Cli.run("rulesets", "--lang", "vi");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains(RuleSet.load("hcm-agri/2021").manifest().title().vi()), run.out());
        assertFalse(run.out().contains(RuleSet.load("hcm-agri/2021").manifest().title().en()), run.out());
    }

    @Test
    void jsonListsIdsTitlesInBothLanguagesAndTargets() {
        Cli.Run run = Cli.run("rulesets", "--format", "json");

        assertEquals(0, run.status(), run.err());
        JsonNode list = run.json();
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.get("id").asText()));
        assertEquals(RuleSet.available(), ids);
        JsonNode hcm2020 = list.get(ids.indexOf("hcm-agri/2020"));
        assertEquals(24, hcm2020.get("targets").asInt());
        assertEquals("2020-01-01", hcm2020.get("effective").get("from").asText());
        assertTrue(hcm2020.get("title").get("vi").asText().contains("77/KH-SNN"), hcm2020.toString());
        assertEquals(RuleSet.load("hcm-agri/2020").contentHash(), hcm2020.get("contentHash").asText());
        assertTrue(hcm2020.get("targetIds").toString().contains("hcm-agri/2020/satisfaction"), hcm2020.toString());
    }

    @Test
    void anUnknownLanguageIsAUsageError() {
        Cli.assertUserError(Cli.run("rulesets", "--lang", "fr"), "fr", "--help");
    }

    @Test
    void helpExplainsEveryOptionAndTheExitStatus() {
        Cli.assertHelpExplainsEveryOption("rulesets");
    }
}
