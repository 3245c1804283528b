package org.reformtargets.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.util.Drools;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.reformtargets.core.Level;
import org.reformtargets.core.Message;
import org.reformtargets.core.Period;
import org.reformtargets.core.RuleSetManifest;

/**
 * The executable model of a bundled rule set, generated from its DRL and compiled to classes when
 * the rules jar was built, and the index that describes it: the rule set's content hash, the
 * Drools version, the manifest as read then, the generated model classes and, for every rule, the
 * DRL file it came from.
 *
 * <p>At build time every DRL package {@code p} of rule set {@code family/YYYY} is renamed to
 * {@link #packageFor}{@code (id, p)}, so the classes of each rule set live in a package of their
 * own, even for files several years share. The index is
 * {@code META-INF/reform-targets/precompiled/<family>/<YYYY>.idx}, UTF-8, one tab-separated
 * record per line, with tabs, line breaks and backslashes in values escaped ({@code \t},
 * {@code \n}, {@code \r}, {@code \\}) and {@code null} written as {@code \0}.
 *
 * <p>Setting the system property {@value #PROPERTY} to {@code false} makes every rule set compile
 * from DRL.
 */
public final class PrecompiledModel {

    /** The system property that, set to {@code false}, turns the precompiled models off. */
    public static final String PROPERTY = "reformtargets.precompiled";

    private static final String ROOT = "META-INF/reform-targets/precompiled/";
    private static final String FORMAT = "1";
    private static final String NULL = "\\0";
    private static final String HEADER = "# reform-targets precompiled rule set, generated when the rules jar was built";
    private static final Pattern PACKAGE = Pattern.compile(
            "(?m)^([ \\t]*package[ \\t]+)([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*)");

    private final String id;
    private final String contentHash;
    private final String droolsVersion;
    private final RuleSetManifest manifest;
    private final List<String> models;
    private final Map<String, String> fileOfRule;

    /**
     * A model as the build step describes it.
     *
     * @param id            the rule set id
     * @param contentHash   {@link HashingFiles#sha256()} of the files the model was generated from
     * @param droolsVersion the Drools version that generated it
     * @param manifest      the rule set's manifest, as read and checked when the model was generated
     * @param models        the generated {@link Model} classes, by name
     * @param fileOfRule    for each rule, by {@link #key} of its (renamed) package and name, the
     *                      file it came from as a manifest names it: {@code tasks.drl}, or
     *                      {@code ../common/yearly.drl} for a shared file
     */
    public PrecompiledModel(String id, String contentHash, String droolsVersion, RuleSetManifest manifest,
                            List<String> models, Map<String, String> fileOfRule) {
        this.id = id;
        this.contentHash = contentHash;
        this.droolsVersion = droolsVersion;
        this.manifest = manifest;
        this.models = List.copyOf(models);
        this.fileOfRule = Collections.unmodifiableMap(new LinkedHashMap<>(fileOfRule));
    }

    /** Whether the system property {@value #PROPERTY} leaves precompiled models on. */
    public static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty(PROPERTY));
    }

    /** The class-path resource of the index of rule set {@code id}. */
    public static String resource(String id) {
        return ROOT + id + ".idx";
    }

    /**
     * The index of rule set {@code id} on {@code loader}'s path, or {@code null} when there is none,
     * it is of another format or another Drools version made it.
     */
    public static PrecompiledModel find(String id, ClassLoader loader) {
        String text;
        try (InputStream in = loader.getResourceAsStream(resource(id))) {
            if (in == null) {
                return null;
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
        PrecompiledModel model = parse(text);
        return model != null && id.equals(model.id) && Drools.getFullVersion().equals(model.droolsVersion)
                ? model : null;
    }

    /** Reads an index; {@code null} when it is not one of this format. */
    static PrecompiledModel parse(String text) {
        Map<String, String> fields = new HashMap<>();
        Map<String, List<List<String>>> lists = new HashMap<>();
        List<String> models = new ArrayList<>();
        Map<String, String> fileOfRule = new LinkedHashMap<>();
        try {
            for (String line : text.split("\n")) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] raw = line.split("\t", -1);
                List<String> parts = new ArrayList<>(raw.length);
                for (String r : raw) {
                    parts.add(unescape(r));
                }
                String key = parts.get(0);
                switch (key) {
                    case "model" -> models.add(parts.get(1));
                    case "rule" -> {
                        if (parts.size() != 4) {
                            return null;
                        }
                        fileOfRule.put(Run.key(parts.get(1), parts.get(2)), parts.get(3));
                    }
                    case "manifest.title", "manifest.effective", "manifest.source", "manifest.file",
                         "manifest.include", "manifest.scenario", "manifest.vocabulary.file", "manifest.vocabulary.include",
                         "manifest.parameter" ->
                            lists.computeIfAbsent(key, k -> new ArrayList<>()).add(parts.subList(1, parts.size()));
                    default -> {
                        if (parts.size() != 2) {
                            return null;
                        }
                        fields.put(key, parts.get(1));
                    }
                }
            }
            if (!FORMAT.equals(fields.get("format")) || fields.get("id") == null || fields.get("contentHash") == null
                    || models.isEmpty() || fileOfRule.isEmpty()) {
                return null;
            }
            List<String> title = lists.get("manifest.title").get(0);
            List<String> effective = lists.get("manifest.effective").get(0);
            List<RuleSetManifest.SourceDocument> sources = new ArrayList<>();
            for (List<String> d : lists.getOrDefault("manifest.source", List.of())) {
                sources.add(new RuleSetManifest.SourceDocument(d.get(0), d.get(1),
                        d.get(2) == null ? null : LocalDate.parse(d.get(2)), d.get(3) == null ? null : Level.valueOf(d.get(3))));
            }
            String period = fields.get("manifest.period");
            RuleSetManifest manifest = new RuleSetManifest(fields.get("manifest.id"), fields.get("manifest.version"),
                    new Message(title.get(0), title.get(1)), fields.get("manifest.issuer"),
                    period == null ? null : Period.parse(period),
                    new RuleSetManifest.Effective(date(effective.get(0)), date(effective.get(1))), sources,
                    firsts(lists.get("manifest.file")), firsts(lists.get("manifest.include")),
                    firsts(lists.get("manifest.scenario")),
                    new RuleSetManifest.VocabularyFiles(firsts(lists.get("manifest.vocabulary.file")),
                            firsts(lists.get("manifest.vocabulary.include"))), fields.get("manifest.periods"),
                    parameters(lists.get("manifest.parameter")));
            return new PrecompiledModel(fields.get("id"), fields.get("contentHash"), fields.get("drools"), manifest,
                    models, fileOfRule);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Map<String, String> parameters(List<List<String>> lines) {
        Map<String, String> p = new LinkedHashMap<>();
        if (lines != null) {
            lines.forEach(l -> p.put(l.get(0), l.get(1)));
        }
        return p;
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static List<String> firsts(List<List<String>> lines) {
        return lines == null ? List.of() : lines.stream().map(l -> l.get(0)).toList();
    }

    /** The index as the build step writes it. */
    public String render() {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        line(s, "format", FORMAT);
        line(s, "id", id);
        line(s, "contentHash", contentHash);
        line(s, "drools", droolsVersion);
        line(s, "manifest.id", manifest.id());
        line(s, "manifest.version", manifest.version());
        line(s, "manifest.title", manifest.title().vi(), manifest.title().en());
        line(s, "manifest.issuer", manifest.issuer());
        line(s, "manifest.period", manifest.period() == null ? null : manifest.period().toString());
        line(s, "manifest.effective", string(manifest.effective().from()), string(manifest.effective().to()));
        for (RuleSetManifest.SourceDocument d : manifest.sources()) {
            line(s, "manifest.source", d.document(), d.title(), string(d.issued()),
                    d.level() == null ? null : d.level().name());
        }
        manifest.files().forEach(f -> line(s, "manifest.file", f));
        manifest.include().forEach(f -> line(s, "manifest.include", f));
        manifest.scenarios().forEach(f -> line(s, "manifest.scenario", f));
        manifest.vocabulary().files().forEach(f -> line(s, "manifest.vocabulary.file", f));
        manifest.vocabulary().include().forEach(f -> line(s, "manifest.vocabulary.include", f));
        if (manifest.periods() != null) {
            line(s, "manifest.periods", manifest.periods());
        }
        manifest.parameters().forEach((k, v) -> line(s, "manifest.parameter", k, v));
        models.forEach(m -> line(s, "model", m));
        for (Map.Entry<String, String> r : fileOfRule.entrySet()) {
            String[] key = r.getKey().split("\u0000", 2);
            line(s, "rule", key[0], key[1], r.getValue());
        }
        return s.toString();
    }

    private static String string(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static void line(StringBuilder s, String key, String... values) {
        s.append(key);
        for (String v : values) {
            s.append('\t').append(escape(v));
        }
        s.append('\n');
    }

    /** A value on one line without tabs; {@code null} as {@code \0}. */
    static String escape(String value) {
        if (value == null) {
            return NULL;
        }
        StringBuilder s = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '\t' -> s.append("\\t");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    static String unescape(String text) {
        if (text.equals(NULL)) {
            return null;
        }
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                s.append(c);
                continue;
            }
            char next = text.charAt(++i);
            s.append(switch (next) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case '\\' -> '\\';
                default -> throw new IllegalArgumentException("unknown escape \\" + next);
            });
        }
        return s.toString();
    }

    /** The key of the rule {@code name} of package {@code pkg} in {@link #fileOfRule()}. */
    public static String key(String pkg, String name) {
        return Run.key(pkg, name);
    }

    /** The rule set id. */
    public String id() {
        return id;
    }

    /** The manifest, as read and checked when the model was generated. */
    public RuleSetManifest manifest() {
        return manifest;
    }

    /** The content hash of the files the model was generated from. */
    public String contentHash() {
        return contentHash;
    }

    /** The generated model classes. */
    public List<String> models() {
        return models;
    }

    /** The file of the rule named {@code name} in package {@code pkg}, as a manifest names it, or {@code null}. */
    public String fileOf(String pkg, String name) {
        return fileOfRule.get(Run.key(pkg, name));
    }

    /** Every rule's file, by {@link #key}. */
    public Map<String, String> fileOfRule() {
        return fileOfRule;
    }

    /**
     * A new KieBase of the model classes, loaded with {@code loader}.
     *
     * @throws ReflectiveOperationException when a class is missing or cannot be made
     */
    KieBase newKieBase(ClassLoader loader) throws ReflectiveOperationException {
        List<Model> instances = new ArrayList<>(models.size());
        for (String m : models) {
            instances.add((Model) Class.forName(m, true, loader).getDeclaredConstructor().newInstance());
        }
        return KieBaseBuilder.createKieBaseFromModel(instances);
    }

    /** The package the build step gives the DRL package {@code original} of rule set {@code id}. */
    public static String packageFor(String id, String original) {
        Matcher m = RuleSetCompiler.ID.matcher(id);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a rule-set id: " + id);
        }
        String family = id.substring(0, id.indexOf('/')).replace('-', '_');
        if (!Character.isJavaIdentifierStart(family.charAt(0)) || javax.lang.model.SourceVersion.isKeyword(family)) {
            family = "_" + family;
        }
        return "org.reformtargets.precompiled." + family + ".y" + m.group(1) + "." + original.replace('.', '_');
    }

    /** The package {@code drl} declares, or {@code null}. */
    public static String packageOf(String drl) {
        Matcher m = PACKAGE.matcher(drl);
        return m.find() ? m.group(2) : null;
    }

    /** {@code drl} with its package declaration renamed to {@code pkg}, on the same line. */
    public static String withPackage(String drl, String pkg) {
        Matcher m = PACKAGE.matcher(drl);
        if (!m.find()) {
            throw new IllegalArgumentException("the DRL declares no package");
        }
        return drl.substring(0, m.start(2)) + pkg + drl.substring(m.end(2));
    }
}
