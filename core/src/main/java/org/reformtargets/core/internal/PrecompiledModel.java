// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.drools.base.util.Drools;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.reformtargets.core.Level;
import org.reformtargets.core.Message;
import org.reformtargets.core.Period;
import org.reformtargets.core.RuleSetManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executable model of a bundled rule set, generated from its DRL and compiled to classes when
 * the rules jar was built, and the index that describes it: the rule set's content hash, the
 * Drools version, the manifest as read then, the generated model classes and, for every rule, the
 * DRL file it came from.
 *
 * <p>At build time every DRL package {@code p} of rule set {@code family/YYYY} is renamed to
 * {@link #packageFor}{@code (id, p)}, so the classes of each rule set live in a package of their
 * own, even for files several years share. The index is
 * {@code META-INF/reform-targets/precompiled/<family>/<YYYY>.properties}, read and written by
 * {@link Properties}.
 *
 * <p>Setting the system property {@value #PROPERTY} to {@code false} makes every rule set compile
 * from DRL.
 */
@API(status = INTERNAL, since = "0.1")
public final class PrecompiledModel {

    /** The system property that, set to {@code false}, turns the precompiled models off. */
    public static final String PROPERTY = "reformtargets.precompiled";

    private static final String ROOT = "META-INF/reform-targets/precompiled/";
    private static final String FORMAT = "2";
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
        return ROOT + id + ".properties";
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
            return notUsed(id, "its index " + resource(id) + " cannot be read", e);
        }
        PrecompiledModel model = parse(text);
        if (model == null) {
            return notUsed(id, "its index " + resource(id) + " is not of format " + FORMAT, null);
        }
        if (!id.equals(model.id)) {
            return notUsed(id, "its index " + resource(id) + " is of rule set " + model.id, null);
        }
        if (!Drools.getFullVersion().equals(model.droolsVersion)) {
            return notUsed(id, "it was made by Drools " + model.droolsVersion + ", not " + Drools.getFullVersion(), null);
        }
        return model;
    }

    /**
     * Logs a warning that the precompiled model of rule set {@code id} is not used, and why, so that
     * its DRL is compiled instead (correct, but several times slower to load); returns {@code null}.
     */
    static <T> T notUsed(String id, String reason, Throwable cause) {
        Log.LOG.warn("rule set {}: the precompiled model is not used, the DRL is compiled instead: {}{}", id, reason,
                cause == null ? "" : " (" + cause + ")");
        return null;
    }

    /** Made on first use: a rule set that loads its precompiled model never starts the logging. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(PrecompiledModel.class);
    }

    /** Reads an index; {@code null} when it is not one of this format. */
    static PrecompiledModel parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
            if (!FORMAT.equals(p.getProperty("format")) || p.getProperty("id") == null
                    || p.getProperty("contentHash") == null) {
                return null;
            }
            List<String> models = list(p, "model");
            Map<String, String> fileOfRule = new LinkedHashMap<>();
            for (int i = 0; p.getProperty("rule." + i + ".name") != null; i++) {
                fileOfRule.put(Run.key(required(p, "rule." + i + ".package"), p.getProperty("rule." + i + ".name")),
                        required(p, "rule." + i + ".file"));
            }
            if (models.isEmpty() || fileOfRule.isEmpty()) {
                return null;
            }
            List<RuleSetManifest.SourceDocument> sources = new ArrayList<>();
            for (int i = 0; p.getProperty("manifest.source." + i + ".document") != null; i++) {
                String level = p.getProperty("manifest.source." + i + ".level");
                sources.add(new RuleSetManifest.SourceDocument(p.getProperty("manifest.source." + i + ".document"),
                        p.getProperty("manifest.source." + i + ".title"), date(p.getProperty("manifest.source." + i + ".issued")),
                        level == null ? null : Level.valueOf(level)));
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; p.getProperty("manifest.parameter." + i + ".name") != null; i++) {
                parameters.put(p.getProperty("manifest.parameter." + i + ".name"),
                        required(p, "manifest.parameter." + i + ".value"));
            }
            String period = p.getProperty("manifest.period");
            RuleSetManifest manifest = new RuleSetManifest(p.getProperty("manifest.id"), p.getProperty("manifest.version"),
                    new Message(required(p, "manifest.title.vi"), required(p, "manifest.title.en")),
                    p.getProperty("manifest.issuer"), period == null ? null : Period.parse(period),
                    new RuleSetManifest.Effective(date(p.getProperty("manifest.effective.from")),
                            date(p.getProperty("manifest.effective.to"))), sources,
                    list(p, "manifest.file"), list(p, "manifest.include"), list(p, "manifest.scenario"),
                    new RuleSetManifest.VocabularyFiles(list(p, "manifest.vocabulary.file"),
                            list(p, "manifest.vocabulary.include")), p.getProperty("manifest.periods"), parameters);
            return new PrecompiledModel(p.getProperty("id"), p.getProperty("contentHash"), p.getProperty("drools"),
                    manifest, models, fileOfRule);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return value;
    }

    /** The values of {@code key.0}, {@code key.1}, … up to the first missing one. */
    private static List<String> list(Properties p, String key) {
        List<String> values = new ArrayList<>();
        for (int i = 0; p.getProperty(key + "." + i) != null; i++) {
            values.add(p.getProperty(key + "." + i));
        }
        return values;
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    /**
     * The index as the build step writes it: {@link Properties} (lists as {@code key.0}, {@code key.1}, …;
     * a {@code null} value left out), one entry a line in key order, without the date line
     * {@link Properties#store} writes, so that the same model gives the same bytes.
     */
    public String render() {
        Properties p = new Properties();
        put(p, "format", FORMAT);
        put(p, "id", id);
        put(p, "contentHash", contentHash);
        put(p, "drools", droolsVersion);
        put(p, "manifest.id", manifest.id());
        put(p, "manifest.version", manifest.version());
        put(p, "manifest.title.vi", manifest.title().vi());
        put(p, "manifest.title.en", manifest.title().en());
        put(p, "manifest.issuer", manifest.issuer());
        put(p, "manifest.period", manifest.period() == null ? null : manifest.period().toString());
        put(p, "manifest.effective.from", string(manifest.effective().from()));
        put(p, "manifest.effective.to", string(manifest.effective().to()));
        for (int i = 0; i < manifest.sources().size(); i++) {
            RuleSetManifest.SourceDocument d = manifest.sources().get(i);
            put(p, "manifest.source." + i + ".document", d.document());
            put(p, "manifest.source." + i + ".title", d.title());
            put(p, "manifest.source." + i + ".issued", string(d.issued()));
            put(p, "manifest.source." + i + ".level", d.level() == null ? null : d.level().name());
        }
        putList(p, "manifest.file", manifest.files());
        putList(p, "manifest.include", manifest.include());
        putList(p, "manifest.scenario", manifest.scenarios());
        putList(p, "manifest.vocabulary.file", manifest.vocabulary().files());
        putList(p, "manifest.vocabulary.include", manifest.vocabulary().include());
        put(p, "manifest.periods", manifest.periods());
        int n = 0;
        for (Map.Entry<String, String> e : manifest.parameters().entrySet()) {
            put(p, "manifest.parameter." + n + ".name", e.getKey());
            put(p, "manifest.parameter." + n++ + ".value", e.getValue());
        }
        putList(p, "model", models);
        n = 0;
        for (Map.Entry<String, String> r : fileOfRule.entrySet()) {
            String[] key = r.getKey().split("\u0000", 2);
            put(p, "rule." + n + ".package", key[0]);
            put(p, "rule." + n + ".name", key[1]);
            put(p, "rule." + n++ + ".file", r.getValue());
        }
        StringWriter out = new StringWriter();
        try {
            p.store(out, null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // store writes "#<date>" first, then one line per entry (line breaks in values escaped)
        return out.toString().lines().filter(l -> !l.startsWith("#")).sorted()
                .collect(Collectors.joining("\n", HEADER + "\n", "\n"));
    }

    private static void put(Properties p, String key, String value) {
        if (value != null) {
            p.setProperty(key, value);
        }
    }

    private static void putList(Properties p, String key, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            p.setProperty(key + "." + i, values.get(i));
        }
    }

    private static String string(LocalDate date) {
        return date == null ? null : date.toString();
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
