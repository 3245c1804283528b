// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.compiler.compiler.DescrBuildError;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.ParserError;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.reformtargets.core.Problem;
import org.reformtargets.core.RuleSetException;
import org.reformtargets.core.RuleSetManifest;
import org.reformtargets.core.Source;
import org.reformtargets.core.Vocabulary;

/**
 * Turns a rule-set folder (a manifest and DRL files) into a {@link KieBase}, refusing it with
 * every problem found: manifest fields, Drools messages with file and line, and rule metadata.
 */
@API(status = INTERNAL, since = "0.1")
public final class RuleSetCompiler {

    /** The name of a rule set's manifest file. */
    public static final String MANIFEST = "manifest.json";

    /** What a rule-set id looks like: {@code family/YYYY}. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*/(\\d{4})");

    /** How many rules a rule set may hold: the bundled ones hold at most 35; compiling grows with the count. */
    public static final int MAX_RULES = 500;

    /** How many files (its own and included) a manifest may list. */
    public static final int MAX_FILES = 100;

    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?");

    /** Made on first use: a precompiled rule set loads without Jackson. */
    private static final class Manifests {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** Reads a rule set's files by their path relative to its folder. */
    public interface Files {
        /** The file's bytes, or {@code null} when it does not exist. */
        byte[] read(String relative) throws IOException;

        /** How to name the file in messages. */
        String display(String relative);

        /**
         * The bytes of a file shared by the family, by its path relative to the family folder, or
         * {@code null} when it does not exist or the rule set has no family folder.
         */
        default byte[] readShared(String relativeToFamily) throws IOException {
            return null;
        }

        /** How to name a shared file in messages. */
        default String displayShared(String relativeToFamily) {
            return "../" + relativeToFamily;
        }
    }

    /** The placeholder for the rule set's id in a rule's {@code @target}, for rules shared by several years. */
    public static final String RULE_SET_PLACEHOLDER = "{ruleSet}";

    /**
     * A compiled rule set.
     *
     * @param manifest    its manifest
     * @param kieBase     the compiled rules, shared by all evaluations
     * @param rules       each rule's metadata, by package and name
     * @param precompiled whether the KieBase was made from the executable model generated at build
     *                    time ({@link PrecompiledModel}) rather than compiled from DRL
     * @param vocabulary  the standard vocabulary extended by the rule set's vocabulary files; {@code null}
     *                    for a precompiled rule set without any, which speaks {@link Vocabulary#standard()}
     *                    (read on first use, so that such a rule set loads without Jackson)
     */
    public record Compiled(RuleSetManifest manifest, KieBase kieBase, Map<String, RuleInfo> rules, boolean precompiled,
                           Vocabulary vocabulary) {
    }

    private RuleSetCompiler() {
    }

    /**
     * Compiles the rule set in {@code files}.
     *
     * @param expectedId the id the folder stands for, or {@code null} when it cannot be told
     * @throws RuleSetException with every problem found
     */
    public static Compiled compile(String expectedId, Files files) {
        String name = expectedId == null ? files.display("") : expectedId;
        List<Problem> problems = new ArrayList<>();
        RuleSetManifest manifest = manifest(expectedId, files);
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, RuleSetCompiler.class.getClassLoader()));
        Map<String, String> fileOfResource = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        // the vocabulary is read first: the rule grammar checks the codes rules name against it
        List<Problem> vocabularyProblems = new ArrayList<>();
        Vocabulary vocabulary = vocabulary(manifest, files, vocabularyProblems);
        Vocabulary speaks = vocabulary != null ? vocabulary : Vocabulary.standard();
        // every file is read and checked against the rule grammar before any of them is compiled
        List<Drl> drls = new ArrayList<>();
        for (String file : manifest.files()) {
            byte[] drl;
            try {
                drl = files.read(file);
            } catch (IOException e) {
                problems.add(new Problem(files.display(file), null, 0, 0, "cannot be read: " + e.getMessage()));
                continue;
            }
            if (drl == null) {
                problems.add(new Problem(files.display(MANIFEST), "files", 0, 0,
                        "lists " + file + ", which does not exist in the rule-set folder"));
                continue;
            }
            drls.add(checked(file, files.display(file), drl, fileOfResource, texts, problems, speaks));
        }
        for (String shared : manifest.include()) {
            byte[] drl;
            try {
                drl = files.readShared(shared);
            } catch (IOException e) {
                problems.add(new Problem(files.displayShared(shared), null, 0, 0, "cannot be read: " + e.getMessage()));
                continue;
            }
            if (drl == null) {
                problems.add(new Problem(files.display(MANIFEST), "include", 0, 0, "lists " + shared
                        + ", which does not exist in the family folder (looked for " + files.displayShared(shared) + ")"));
                continue;
            }
            drls.add(checked("../" + shared, files.displayShared(shared), drl, fileOfResource, texts, problems, speaks));
        }
        problems.addAll(vocabularyProblems);
        int rules = drls.stream().mapToInt(Drl::rules).sum();
        if (rules > MAX_RULES) {
            problems.add(new Problem(files.display(MANIFEST), "files", 0, 0, "the rule set's files declare " + rules
                    + " rules, more than a rule set may hold (" + MAX_RULES + ")"));
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(name, problems);
        }
        InternalKnowledgeBase kieBase;
        try {
            // the engine compiles each file as the grammar printed it back from its checked parts
            for (Drl d : drls) {
                builder.add(new org.drools.io.ByteArrayResource(d.bytes(), "UTF-8").setSourcePath(d.source()),
                        ResourceType.DRL);
            }
            kieBase = builder.hasErrors() ? null : KnowledgeBaseFactory.newKnowledgeBase();
            if (kieBase != null) {
                kieBase.addPackages(builder.getKnowledgePackages());
            }
        } catch (RuntimeException | StackOverflowError e) {
            // the engine failed on a file that kept to the grammar: a located problem, never a stack trace
            throw new RuleSetException(name, List.of(new Problem(files.display(MANIFEST), null, 0, 0,
                    "the rules cannot be compiled: " + Evaluator.message(e))), e);
        }
        for (KnowledgeBuilderError e : builder.getErrors()) {
            String file = e.getResource() == null ? null : e.getResource().getSourcePath();
            int line = e.getLines() != null && e.getLines().length > 0 ? e.getLines()[0] : 0;
            int column = 0;
            String path = null;
            if (e instanceof ParserError pe) {
                line = pe.getRow();
                column = pe.getCol();
            } else if (e instanceof DescrBuildError be && be.getParentDescr() instanceof RuleDescr rule) {
                // a constraint that does not analyse carries no line of its own: name its rule instead
                path = "rule \"" + rule.getName() + "\"";
                if (line <= 0) {
                    line = rule.getLine();
                }
            }
            problems.add(new Problem(file == null ? name : fileOfResource.getOrDefault(file, file), path,
                    Math.max(line, 0), Math.max(column, 0), oneLine(e.getMessage())));
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(name, problems);
        }
        return compiled(name, files, manifest, kieBase, (pkg, rule) ->
                rule instanceof RuleImpl impl && impl.getResource() != null
                        ? impl.getResource().getSourcePath() : null, fileOfResource, texts, problems, false, vocabulary);
    }

    /**
     * The rule set {@code id} made from its precompiled model when that model was generated from
     * exactly the files in {@code files} (same content hash) by this Drools version; {@code null}
     * when it was not, or its classes cannot be loaded, so that the caller compiles the DRL instead.
     * The manifest is the one the index holds, read and checked at build time from the same bytes.
     *
     * @param files   the rule set's files, read through a fresh {@link HashingFiles}
     * @param model   the index of the precompiled model
     * @param loader  the class loader of the model's classes
     * @throws RuleSetException when the rules' metadata is broken (as {@link #compile} would say)
     */
    public static Compiled precompiled(String id, HashingFiles files, PrecompiledModel model, ClassLoader loader) {
        RuleSetManifest manifest = model.manifest();
        Map<String, String> fileOfResource = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        Vocabulary vocabulary = null;
        try {
            if (files.read(MANIFEST) == null) {
                return PrecompiledModel.notUsed(id, "its " + MANIFEST + " is missing", null);
            }
            // the vocabulary files are read (and hashed) right after the manifest, as compile reads them
            if (!manifest.vocabulary().isEmpty()) {
                List<Problem> problems = new ArrayList<>();
                vocabulary = vocabulary(manifest, files, problems);
                if (!problems.isEmpty()) {
                    return null; // compiling reports them
                }
            }
            for (String file : manifest.files()) {
                if (!readText(file, files.display(file), files.read(file), fileOfResource, texts)) {
                    return PrecompiledModel.notUsed(id, "its file " + file + " is missing", null);
                }
            }
            for (String shared : manifest.include()) {
                if (!readText("../" + shared, files.displayShared(shared), files.readShared(shared), fileOfResource,
                        texts)) {
                    return PrecompiledModel.notUsed(id, "its shared file " + shared + " is missing", null);
                }
            }
        } catch (IOException e) {
            return PrecompiledModel.notUsed(id, "its files cannot be read", e);
        }
        if (!files.sha256().equals(model.contentHash())) {
            return PrecompiledModel.notUsed(id, "its files changed after the model was made (content hash "
                    + files.sha256() + ", the model's " + model.contentHash() + ")", null);
        }
        KieBase kieBase;
        try {
            kieBase = model.newKieBase(loader);
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return PrecompiledModel.notUsed(id, "its model classes cannot be loaded", e);
        }
        Set<String> keys = new HashSet<>();
        kieBase.getKiePackages().forEach(p -> p.getRules().forEach(r -> keys.add(Run.key(p.getName(), r.getName()))));
        if (!keys.equals(model.fileOfRule().keySet())) {
            return PrecompiledModel.notUsed(id, "its model classes hold other rules than its index names", null);
        }
        return compiled(id, files, manifest, kieBase, (pkg, rule) -> model.fileOf(pkg, rule.getName()),
                fileOfResource, texts, new ArrayList<>(), true, vocabulary);
    }

    private static boolean readText(String source, String shown, byte[] drl, Map<String, String> fileOfResource,
                                    Map<String, String> texts) {
        if (drl == null) {
            return false;
        }
        fileOfResource.put(source, shown);
        texts.put(source, new String(drl, StandardCharsets.UTF_8));
        return true;
    }

    /** The rule set of {@code kieBase}, with every rule's metadata read and checked. */
    private static Compiled compiled(String name, Files files, RuleSetManifest manifest, KieBase kieBase,
                                     BiFunction<String, Rule, String> sourceOf,
                                     Map<String, String> fileOfResource, Map<String, String> texts,
                                     List<Problem> problems, boolean precompiled, Vocabulary vocabulary) {
        Map<String, RuleInfo> rules = new HashMap<>();
        Set<String> documents = new HashSet<>();
        manifest.sources().forEach(s -> documents.add(s.document()));
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleInfo info = ruleInfo(rule, sourceOf.apply(pkg.getName(), rule), manifest, documents,
                        fileOfResource, texts, problems);
                if (info != null) {
                    rules.put(Run.key(pkg.getName(), rule.getName()), info);
                }
            }
        }
        if (rules.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(files.display(MANIFEST), "files", 0, 0, "the rule set holds no rule"));
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(name, problems);
        }
        return new Compiled(manifest, kieBase, Map.copyOf(rules), precompiled, vocabulary);
    }

    /**
     * The standard vocabulary extended by the manifest's vocabulary files, read through {@code files}
     * in a fixed order (the {@code include}d ones, then the rule set's own, each as listed), adding
     * every problem of theirs to {@code problems}; {@link Vocabulary#standard()} when there are none.
     * A precompiled rule set reads them in the same order, so that both give the same content hash.
     */
    private static Vocabulary vocabulary(RuleSetManifest manifest, Files files, List<Problem> problems) {
        RuleSetManifest.VocabularyFiles listed = manifest.vocabulary();
        if (listed.isEmpty()) {
            return Vocabulary.standard();
        }
        List<VocabularyReader.Parsed> parsed = new ArrayList<>();
        for (String shared : listed.include()) {
            byte[] json;
            try {
                json = files.readShared(shared);
            } catch (IOException e) {
                problems.add(new Problem(files.displayShared(shared), null, 0, 0, "cannot be read: " + e.getMessage()));
                parsed.add(null);
                continue;
            }
            if (json == null) {
                problems.add(new Problem(files.display(MANIFEST), "vocabulary.include", 0, 0, "lists " + shared
                        + ", which does not exist in the family folder (looked for " + files.displayShared(shared) + ")"));
                parsed.add(null);
                continue;
            }
            parsed.add(VocabularyReader.read(files.displayShared(shared), json, problems));
        }
        for (String own : listed.files()) {
            byte[] json;
            try {
                json = files.read(own);
            } catch (IOException e) {
                problems.add(new Problem(files.display(own), null, 0, 0, "cannot be read: " + e.getMessage()));
                parsed.add(null);
                continue;
            }
            if (json == null) {
                problems.add(new Problem(files.display(MANIFEST), "vocabulary.files", 0, 0,
                        "lists " + own + ", which does not exist in the rule-set folder"));
                parsed.add(null);
                continue;
            }
            parsed.add(VocabularyReader.read(files.display(own), json, problems));
        }
        return VocabularyReader.merge(Vocabulary.standard(), parsed, problems);
    }

    /** A DRL file that keeps to the rule grammar, by the name the builder knows it. */
    private record Drl(String source, byte[] bytes, int rules) {
    }

    /** Checks one DRL file against {@link RuleGrammar}, adding its problems; the file to build. */
    private static Drl checked(String source, String shown, byte[] drl, Map<String, String> fileOfResource,
                               Map<String, String> texts, List<Problem> problems, Vocabulary vocabulary) {
        String text = new String(drl, StandardCharsets.UTF_8);
        fileOfResource.put(source, shown);
        texts.put(source, text);
        RuleGrammar.Inspection inspection = RuleGrammar.inspect(shown, text, vocabulary);
        problems.addAll(inspection.problems());
        return new Drl(source, inspection.canonical() == null ? drl
                : inspection.canonical().getBytes(StandardCharsets.UTF_8), inspection.rules());
    }

    private static RuleInfo ruleInfo(Rule rule, String file, RuleSetManifest manifest, Set<String> documents,
                                     Map<String, String> fileOfResource, Map<String, String> texts,
                                     List<Problem> problems) {
        Map<String, Object> meta = rule.getMetaData();
        String shown = file == null ? manifest.id() : fileOfResource.getOrDefault(file, file);
        int line = lineOf(texts.get(file), rule.getName());
        String where = "rule \"" + rule.getName() + "\"";
        String target = string(meta.get("target"));
        if (target != null) {
            target = target.replace(RULE_SET_PLACEHOLDER, manifest.id());
        }
        String document = string(meta.get("document"));
        String clause = string(meta.get("clause"));
        int before = problems.size();
        if (target == null) {
            problems.add(new Problem(shown, where, line, 0, "has no @target(\"" + manifest.id() + "/…\") metadata"));
        } else if (!belongs(target, manifest.id())) {
            problems.add(new Problem(shown, where, line, 0, "@target(\"" + target + "\") does not belong to rule set "
                    + manifest.id() + ": target ids start with " + manifest.id() + "/"));
        }
        if (document == null) {
            problems.add(new Problem(shown, where, line, 0, "has no @document(\"…\") metadata naming its source document"));
        } else if (!documents.contains(document)) {
            problems.add(new Problem(shown, where, line, 0, "@document(\"" + document
                    + "\") is not among the manifest's sources: " + String.join(", ", documents)));
        }
        if (clause == null) {
            problems.add(new Problem(shown, where, line, 0, "has no @clause(\"…\") metadata naming its clause"));
        }
        String evidence = string(meta.get("evidence"));
        if (evidence != null && !EVIDENCE.contains(evidence)) {
            problems.add(new Problem(shown, where, line, 0, "@evidence(\"" + evidence + "\") is not an evidence tag: use "
                    + String.join(", ", EVIDENCE)));
        }
        if (problems.size() > before) {
            return null;
        }
        return new RuleInfo(rule.getName(), target, new Source(document, clause, string(meta.get("reading")), evidence),
                shown, line);
    }

    /**
     * The evidence tags a rule may carry ({@code @evidence}): {@code verified} (its reading reproduces
     * published results), {@code document} (the source's wording only), {@code provisional} (a reading
     * the sources leave open).
     */
    public static final List<String> EVIDENCE = List.of("verified", "document", "provisional");

    /**
     * Whether {@code target} belongs to rule set {@code id} ({@code FAMILY/YEAR}): it starts with the
     * rule set's id and a slash, or, for a family whose targets keep their ids from year to year
     * (the 766 index: {@code vn-766/progress/on-time}), with the family and a slash followed by no year.
     */
    static boolean belongs(String target, String id) {
        if (target.startsWith(id + "/") && target.length() > id.length() + 1) {
            return true;
        }
        int slash = id.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String family = id.substring(0, slash + 1);
        if (!target.startsWith(family) || target.length() == family.length()) {
            return false;
        }
        String rest = target.substring(family.length());
        return !Character.isDigit(rest.charAt(0));
    }

    /** The 1-based line where {@code rule "name"} is declared in {@code drl}, or 0. */
    static int lineOf(String drl, String ruleName) {
        if (drl == null) {
            return 0;
        }
        Matcher m = Pattern.compile("(?m)^\\s*rule\\s+[\"']" + Pattern.quote(ruleName) + "[\"']").matcher(drl);
        if (!m.find()) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < m.start(); i++) {
            if (drl.charAt(i) == '\n') {
                line++;
            }
        }
        String before = drl.substring(m.start(), m.end());
        return line + (int) before.chars().filter(c -> c == '\n').count();
    }

    private static String string(Object o) {
        if (o == null) {
            return null;
        }
        String s = o.toString().strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.isEmpty() ? null : s;
    }

    /**
     * Reads and checks the manifest in {@code files} without compiling any rule.
     *
     * @param expectedId the id the folder stands for, or {@code null} when it cannot be told
     * @throws RuleSetException with every problem found in the manifest
     */
    public static RuleSetManifest manifest(String expectedId, Files files) {
        String name = expectedId == null ? files.display("") : expectedId;
        List<Problem> problems = new ArrayList<>();
        RuleSetManifest manifest = readManifest(files, problems);
        if (manifest == null) {
            throw new RuleSetException(name, problems);
        }
        checkManifest(manifest, expectedId, files.display(MANIFEST), problems);
        if (!problems.isEmpty()) {
            throw new RuleSetException(name, problems);
        }
        return manifest;
    }

    private static RuleSetManifest readManifest(Files files, List<Problem> problems) {
        String shown = files.display(MANIFEST);
        byte[] bytes;
        try {
            bytes = files.read(MANIFEST);
        } catch (IOException e) {
            problems.add(new Problem(shown, null, 0, 0, "cannot be read: " + e.getMessage()));
            return null;
        }
        if (bytes == null) {
            problems.add(new Problem(shown, null, 0, 0, "is missing: every rule-set folder needs a " + MANIFEST));
            return null;
        }
        try {
            return Manifests.MAPPER.readValue(bytes, RuleSetManifest.class);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            problems.add(new Problem(shown, null, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
                    oneLine(e.getOriginalMessage())));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(shown, null, 0, 0, "cannot be read: " + e.getMessage()));
            return null;
        }
    }

    private static void checkManifest(RuleSetManifest m, String expectedId, String shown, List<Problem> problems) {
        if (m.id() == null) {
            problems.add(new Problem(shown, "id", 0, 0, "is required: FAMILY/YEAR, such as hcm-agri/2021"));
        } else {
            Matcher id = ID.matcher(m.id());
            if (!id.matches()) {
                problems.add(new Problem(shown, "id", 0, 0, "'" + m.id() + "' is not FAMILY/YEAR, such as hcm-agri/2021"));
            } else if (m.period() != null && m.period().year() != Integer.parseInt(id.group(1))) {
                problems.add(new Problem(shown, "period", 0, 0, m.period() + " is not in the rule set's year " + id.group(1)));
            }
            if (expectedId != null && !expectedId.equals(m.id())) {
                problems.add(new Problem(shown, "id", 0, 0, "'" + m.id() + "' does not match its folder " + expectedId));
            }
        }
        if (m.version() == null || !VERSION.matcher(m.version()).matches()) {
            problems.add(new Problem(shown, "version", 0, 0, "must be a semantic version such as 1.0.0"));
        }
        if (m.title() == null || m.title().vi() == null || m.title().en() == null) {
            problems.add(new Problem(shown, "title", 0, 0, "needs both \"vi\" and \"en\""));
        }
        if (m.issuer() == null || m.issuer().isBlank()) {
            problems.add(new Problem(shown, "issuer", 0, 0, "is required: who issued the commitments"));
        }
        if (m.period() == null) {
            problems.add(new Problem(shown, "period", 0, 0, "is required: the period the targets are for, such as 2021"));
        }
        if (m.periods() != null && !m.eachFoundPeriod()) {
            problems.add(new Problem(shown, "periods", 0, 0, "'" + m.periods() + "' is not a choice of periods: leave it out"
                    + " for the rule set's period alone, or write \"" + RuleSetManifest.EACH_FOUND + "\""));
        }
        m.parameters().forEach((k, v) -> {
            if (k.isBlank() || v == null || v.isBlank()) {
                problems.add(new Problem(shown, "parameters." + k, 0, 0, "must be a non-empty name with a non-empty string value"));
            }
        });
        if (m.effective() == null || m.effective().from() == null || m.effective().to() == null) {
            problems.add(new Problem(shown, "effective", 0, 0, "needs \"from\" and \"to\" dates"));
        } else if (m.effective().from().isAfter(m.effective().to())) {
            problems.add(new Problem(shown, "effective", 0, 0, "starts after it ends"));
        }
        if (m.sources().isEmpty()) {
            problems.add(new Problem(shown, "sources", 0, 0, "must name at least one source document"));
        }
        for (int i = 0; i < m.sources().size(); i++) {
            if (m.sources().get(i).document() == null) {
                problems.add(new Problem(shown, "sources[" + i + "].document", 0, 0, "is required"));
            }
        }
        if (m.files().isEmpty() && m.include().isEmpty()) {
            problems.add(new Problem(shown, "files", 0, 0, "must list the rule set's DRL files"));
        }
        RuleSetManifest.VocabularyFiles vocabulary = m.vocabulary();
        int listed = m.files().size() + m.include().size() + vocabulary.files().size() + vocabulary.include().size();
        if (listed > MAX_FILES) {
            problems.add(new Problem(shown, "files", 0, 0, "lists " + listed
                    + " files, more than a rule set may (" + MAX_FILES + ")"));
        }
        if (new HashSet<>(vocabulary.files()).size() != vocabulary.files().size()) {
            problems.add(new Problem(shown, "vocabulary.files", 0, 0, "lists a file twice"));
        }
        if (new HashSet<>(vocabulary.include()).size() != vocabulary.include().size()) {
            problems.add(new Problem(shown, "vocabulary.include", 0, 0, "lists a file twice"));
        }
        for (String f : vocabulary.files()) {
            if (!insideFolder(f, ".json") || f.equals(MANIFEST)) {
                problems.add(new Problem(shown, "vocabulary.files", 0, 0, "'" + f
                        + "' is not a .json vocabulary file inside the rule-set folder, such as words.json"));
            }
        }
        for (String f : vocabulary.include()) {
            if (!insideFolder(f, ".json")) {
                problems.add(new Problem(shown, "vocabulary.include", 0, 0, "'" + f + "' is not a .json vocabulary file"
                        + " inside the family folder: give a path relative to it, such as common/words.json"));
            }
        }
        if (new HashSet<>(m.files()).size() != m.files().size()) {
            problems.add(new Problem(shown, "files", 0, 0, "lists a file twice"));
        }
        if (new HashSet<>(m.include()).size() != m.include().size()) {
            problems.add(new Problem(shown, "include", 0, 0, "lists a file twice"));
        }
        for (String f : m.files()) {
            if (!insideFolder(f)) {
                problems.add(new Problem(shown, "files", 0, 0, "'" + f
                        + "' is not a .drl file inside the rule-set folder"));
            }
        }
        for (String f : m.include()) {
            if (!insideFolder(f)) {
                problems.add(new Problem(shown, "include", 0, 0, "'" + f + "' is not a .drl file inside the family"
                        + " folder: give a path relative to it, such as common/yearly.drl"));
            }
        }
    }

    /** Whether {@code path} names a {@code .drl} file below the folder it is relative to. */
    private static boolean insideFolder(String path) {
        return insideFolder(path, ".drl");
    }

    /** Whether {@code path} names a file ending in {@code suffix} below the folder it is relative to. */
    private static boolean insideFolder(String path, String suffix) {
        return path != null && path.endsWith(suffix) && !path.startsWith("/") && !path.contains("..")
                && !path.contains("\\") && !path.contains(":");
    }

    private static String oneLine(String message) {
        return message == null ? "unknown error" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
