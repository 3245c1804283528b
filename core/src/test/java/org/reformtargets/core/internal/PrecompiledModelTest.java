// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.drools.base.util.Drools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reformtargets.core.Level;
import org.reformtargets.core.Message;
import org.reformtargets.core.Period;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.RuleSetManifest;
import org.reformtargets.core.build.RuleSetBuild;

class PrecompiledModelTest {

    private static final String PKG = "org.reformtargets.precompiled.hcm_agri.y2021.p";

    private static final RuleSetManifest MANIFEST = new RuleSetManifest("hcm-agri/2021", "1.0.0",
            new Message("Chỉ tiêu\tnăm 2021\\0", "Targets\nof 2021 \\ \\t"), "Sở", Period.parse("2021"),
            new RuleSetManifest.Effective(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31)),
            List.of(new RuleSetManifest.SourceDocument("a.txt", "A", LocalDate.of(2021, 5, 7), Level.DEPARTMENT),
                    new RuleSetManifest.SourceDocument("b.txt", null, null, null)),
            List.of("tasks.drl", "x.drl"), List.of("common/yearly.drl"), List.of("tasks.scenarios.json"));

    private static PrecompiledModel model(String droolsVersion) {
        return model(droolsVersion, MANIFEST);
    }

    private static PrecompiledModel model(String droolsVersion, RuleSetManifest manifest) {
        return new PrecompiledModel("hcm-agri/2021", "ab12", droolsVersion, manifest, List.of(PKG + ".Rules1"),
                Map.of(PrecompiledModel.key(PKG, "A rule: with = signs"), "tasks.drl",
                        PrecompiledModel.key(PKG, "Một quy tắc"), "../common/yearly.drl"));
    }

    @Test
    void anIndexReadsBackAsWritten() {
        PrecompiledModel read = PrecompiledModel.parse(model("10.2.0").render());

        assertNotNull(read);
        assertEquals("hcm-agri/2021", read.id());
        assertEquals("ab12", read.contentHash());
        assertEquals(List.of(PKG + ".Rules1"), read.models());
        assertEquals("tasks.drl", read.fileOf(PKG, "A rule: with = signs"));
        assertEquals("../common/yearly.drl", read.fileOf(PKG, "Một quy tắc"));
        assertNull(read.fileOf(PKG, "another"));
        assertEquals(model("10.2.0").fileOfRule(), read.fileOfRule());
        assertEquals(MANIFEST, read.manifest());
    }

    @Test
    void aManifestWithoutOptionalPartsReadsBackAsWritten() {
        RuleSetManifest bare = new RuleSetManifest("hcm-agri/2021", "1.0.0", new Message("v", "e"), null, null,
                new RuleSetManifest.Effective(null, null), List.of(), List.of("a.drl"));

        assertEquals(bare, PrecompiledModel.parse(model("10.2.0", bare).render()).manifest());
    }

    @Test
    void anIndexIsOneEntryALineInKeyOrderAndTheSameEachTime() {
        String text = model("10.2.0").render();
        List<String> entries = text.lines().skip(1).toList();

        assertEquals(text, model("10.2.0").render());
        assertTrue(text.startsWith("# "), text);
        assertEquals(entries.stream().sorted().toList(), entries);
        assertTrue(entries.stream().allMatch(l -> l.matches("[a-zA-Z][\\w.]*=.*")), text);
        assertTrue(entries.contains("manifest.title.en=Targets\\nof 2021 \\\\ \\\\t"), text);
    }

    @Test
    void anIndexOfAnotherFormatOrWithoutModelsIsNotOne() {
        String text = model("10.2.0").render();

        assertNull(PrecompiledModel.parse(text.replace("format=2", "format=1")));
        assertNull(PrecompiledModel.parse(text.replaceAll("(?m)^model\\..*\n", "")));
        assertNull(PrecompiledModel.parse(text.replaceAll("(?m)^rule\\..*\n", "")));
        assertNull(PrecompiledModel.parse(text + "rule.2.name=without a package or file\n"));
        assertNull(PrecompiledModel.parse(""));
        assertNull(PrecompiledModel.parse(text.replaceAll("(?m)^manifest\\.title\\..*\n", "")));
        assertNull(PrecompiledModel.parse(text.replace("manifest.period=2021", "manifest.period=soon")));
        assertNotNull(PrecompiledModel.parse(text));
    }

    @Test
    void anIndexIsFoundOnlyForItsIdAndTheDroolsVersionThatMadeIt(@TempDir Path dir) throws IOException {
        Path index = dir.resolve(PrecompiledModel.resource("hcm-agri/2021"));
        Files.createDirectories(index.getParent());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            Files.writeString(index, model(Drools.getFullVersion()).render());
            assertNotNull(PrecompiledModel.find("hcm-agri/2021", loader));

            Files.writeString(index, model("9.44.0.Final").render());
            assertNull(PrecompiledModel.find("hcm-agri/2021", loader));

            Files.writeString(index, model(Drools.getFullVersion()).render().replaceFirst("(?m)^id=hcm-agri/2021$", "id=x/2021"));
            assertNull(PrecompiledModel.find("hcm-agri/2021", loader));
            assertNull(PrecompiledModel.find("hcm-agri/2020", loader));
        }
    }

    @Test
    void theSystemPropertyTurnsPrecompiledModelsOff() {
        String before = System.getProperty(PrecompiledModel.PROPERTY);
        try {
            System.setProperty(PrecompiledModel.PROPERTY, "false");
            assertFalse(PrecompiledModel.enabled());
            System.setProperty(PrecompiledModel.PROPERTY, "true");
            assertTrue(PrecompiledModel.enabled());
        } finally {
            if (before == null) {
                System.clearProperty(PrecompiledModel.PROPERTY);
            } else {
                System.setProperty(PrecompiledModel.PROPERTY, before);
            }
        }
    }

    @Test
    void aRuleSetWithoutAPrecompiledModelCompilesItsDrl() {
        RuleSet rules = RuleSet.load("demo/2021");

        assertNull(PrecompiledModel.find("demo/2021", RuleSet.class.getClassLoader()));
        assertFalse(RuleSetBuild.precompiled(rules));
        assertFalse(RuleSetBuild.rules(rules).isEmpty());
    }

    @Test
    void packagesAreRenamedOnTheSameLine() {
        String drl = "// a comment\npackage org.example.rules;\n\nrule \"r\" when then end\n";
        String renamed = PrecompiledModel.withPackage(drl, PrecompiledModel.packageFor("hcm-agri/2021", "org.example.rules"));

        assertEquals("org.example.rules", PrecompiledModel.packageOf(drl));
        assertEquals("// a comment\npackage org.reformtargets.precompiled.hcm_agri.y2021.org_example_rules;\n\n"
                + "rule \"r\" when then end\n", renamed);
        assertEquals("org.reformtargets.precompiled._new.y2022.p", PrecompiledModel.packageFor("new/2022", "p"));
        assertEquals("org.reformtargets.precompiled._2cool.y2022.p", PrecompiledModel.packageFor("2cool/2022", "p"));
        assertNull(PrecompiledModel.packageOf("rule \"r\" when then end"));
    }
}
