// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.RuleSetManifest;
import org.reformtargets.core.TargetSpec;
import org.reformtargets.core.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code describe}: what every target of a rule set demands, per level, with its facts and source. */
@Command(name = "describe",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        sortOptions = false,
        description = "Describes a rule set: for every target and level of unit, the threshold, the facts it "
                + "needs (indicators, event types, attestation keys), the source document and clause, the "
                + "reading of an ambiguous clause, and one plain sentence of the demand in Vietnamese and English; "
                + "then, in the table format, the rule set's vocabulary (codes it speaks, and the words its own "
                + "vocabulary files add, with their labels).",
        footer = {"", "Exit status: 0 described; 2 usage error, unknown rule set, a folder that is not a rule set, "
                + "a rule set that does not compile or cannot describe itself."})
final class DescribeCommand implements Callable<Integer> {

    /** Languages of the sentences. */
    enum Langs { vi, en, both }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID",
            description = "A bundled rule set, such as hcm-agri/2021 ('reform-targets rulesets' lists them).")
    String id;

    @Option(names = "--rules-dir", paramLabel = "DIR",
            description = "Describe the rule set in this folder (manifest.json and its DRL files) instead.")
    Path rulesDir;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "both",
            description = "Language of the titles and sentences: vi, en or both. Default: ${DEFAULT-VALUE}.")
    Langs lang;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (a readable block per target and level) or json (the list of TargetSpec: "
                    + "target, level, rule, requirement, threshold, source, file, line). Default: ${DEFAULT-VALUE}.")
    EvaluateCommand.Format format;

    @Override
    public Integer call() {
        RuleSet rules = RuleSetArgs.load(spec, id, rulesDir, "ID", "--rules-dir");
        List<TargetSpec> specs = rules.describe();
        PrintWriter out = spec.commandLine().getOut();
        if (format == EvaluateCommand.Format.json) {
            out.print(CliJson.write(specs));
        } else {
            out.print(render(rules, specs));
        }
        out.flush();
        return 0;
    }

    private String render(RuleSet rules, List<TargetSpec> specs) {
        boolean vi = lang != Langs.en;
        boolean en = lang != Langs.vi;
        RuleSetManifest m = rules.manifest();
        StringBuilder b = new StringBuilder();
        b.append(rules.id()).append(" · version ").append(rules.version()).append(" · ")
                .append(rules.targets().size()).append(" targets");
        if (m.effective() != null) {
            b.append(" · in force ").append(m.effective().from()).append(" to ").append(m.effective().to());
        }
        b.append('\n');
        if (m.title() != null) {
            if (vi) {
                b.append("  ").append(m.title().vi()).append('\n');
            }
            if (en) {
                b.append("  ").append(m.title().en()).append('\n');
            }
        }
        if (m.issuer() != null) {
            b.append("  issuer: ").append(m.issuer()).append('\n');
        }
        for (RuleSetManifest.SourceDocument d : m.sources()) {
            b.append("  source: ").append(d.document());
            if (d.issued() != null || d.level() != null) {
                b.append(" (").append(d.issued() == null ? "" : d.issued().toString())
                        .append(d.issued() != null && d.level() != null ? ", " : "")
                        .append(d.level() == null ? "" : "binds " + d.level()).append(')');
            }
            if (d.title() != null) {
                b.append(": ").append(d.title());
            }
            b.append('\n');
        }
        if (m.periods() != null) {
            b.append("  periods: ").append(m.periods()).append('\n');
        }
        m.parameters().forEach((k, v) -> b.append("  parameter: ").append(k).append(" = ").append(v).append('\n'));
        for (TargetSpec s : specs) {
            b.append('\n').append(s.target()).append(" · ").append(Demands.level(s.level(), rules.vocabulary()))
                    .append(s.parentLevel() == null ? "" : " under " + Demands.level(s.parentLevel(), rules.vocabulary()))
                    .append('\n');
            line(b, "demand", ValidateCommand.demand(s));
            if (s.threshold() != null && s.requirement().kind() != TargetSpec.Kind.OTHER) {
                line(b, "threshold", s.threshold());
            }
            line(b, "needs", Demands.needs(s, lang == Langs.vi, rules.vocabulary()));
            if (s.source() != null) {
                line(b, "source", s.source().document() + ", clause " + s.source().clause());
            }
            line(b, "rule", "\"" + s.rule() + "\"" + (s.file() == null ? ""
                    : " (" + s.file() + (s.line() > 0 ? ":" + s.line() : "") + ")"));
            if (vi) {
                line(b, "vi", Demands.sentence(s, true, rules.vocabulary()));
            }
            if (en) {
                line(b, "en", Demands.sentence(s, false, rules.vocabulary()));
            }
            if (s.source() != null && s.source().reading() != null) {
                line(b, "reading", s.source().reading());
            }
            if (s.source() != null && s.source().evidence() != null) {
                line(b, "evidence", s.source().evidence());
            }
        }
        vocabulary(b, rules, vi, en);
        return b.toString();
    }

    /**
     * The rule set's vocabulary, compactly, after the targets: one line per kind of word, codes only,
     * and the words its own vocabulary files add to the standard ones with their labels.
     */
    private static void vocabulary(StringBuilder b, RuleSet rules, boolean vi, boolean en) {
        Vocabulary v = rules.vocabulary();
        Vocabulary std = Vocabulary.standard();
        RuleSetManifest.VocabularyFiles files = rules.manifest().vocabulary();
        b.append('\n').append("vocabulary · ").append(files.isEmpty() ? "standard"
                : "standard + " + String.join(", ", concat(files.include(), files.files()))).append('\n');
        line(b, "indicators", String.join(", ", v.indicators().stream()
                .map(i -> i.code() + (i.isRatio() ? "" : " (" + i.kind().word() + ")")).toList()));
        line(b, "events", String.join(", ", v.eventTypes().stream().map(Vocabulary.EventTypeTerm::code).toList()));
        line(b, "attested", String.join(", ", v.attestations().stream().map(a -> a.key()
                + (a.scale().isEmpty() ? "" : " (" + String.join(" > ", a.words()) + ")")).toList()));
        line(b, "fields", String.join(", ", v.fields().stream().map(Vocabulary.FieldTerm::code).toList()));
        line(b, "levels", String.join(", ", v.levels().stream().map(l -> l.code()
                + (l.under().isEmpty() ? "" : " < " + String.join("|", l.under()))).toList()));
        for (Vocabulary.IndicatorTerm i : v.indicators()) {
            if (std.indicator(i.code()).isEmpty()) {
                line(b, "+indicator", i.code() + ": " + words(i.counted(), vi, en)
                        + (i.outOf() == null ? "" : " / " + words(i.outOf(), vi, en)));
            }
        }
        for (Vocabulary.EventTypeTerm e : v.eventTypes()) {
            if (std.eventType(e.code()).isEmpty()) {
                line(b, "+event", e.code() + ": " + words(e.label(), vi, en));
            }
        }
        for (Vocabulary.AttestationTerm a : v.attestations()) {
            if (std.attestation(a.key()).isEmpty()) {
                line(b, "+attested", a.key() + ": " + words(a.label(), vi, en));
            }
        }
        for (Vocabulary.FieldTerm f : v.fields()) {
            if (std.field(f.code()).isEmpty()) {
                line(b, "+field", f.code() + ": " + words(f.label(), vi, en));
            }
        }
        for (Vocabulary.LevelTerm l : v.levels()) {
            if (std.level(l.code()).isEmpty()) {
                line(b, "+level", l.code() + ": " + words(l.label(), vi, en));
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> c) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(c);
        return all;
    }

    private static String words(Vocabulary.Label label, boolean vi, boolean en) {
        return vi && en ? label.vi() + " · " + label.en() : vi ? label.vi() : label.en();
    }

    private static void line(StringBuilder b, String label, String text) {
        b.append("  ").append(label).append(" ".repeat(Math.max(1, 11 - label.length()))).append(text).append('\n');
    }
}
