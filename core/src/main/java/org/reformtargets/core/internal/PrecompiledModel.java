package org.reformtargets.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

/**
 * The executable model of a bundled rule set, generated from its DRL and compiled to classes when
 * the rules jar was built, and the index that describes it: the rule set's content hash, the
 * Drools version, the generated model classes and, for every rule, the DRL file it came from.
 *
 * <p>At build time every DRL package {@code p} of rule set {@code family/YYYY} is renamed to
 * {@link #packageFor}{@code (id, p)}, so the classes of each rule set live in a package of their
 * own, even for files several years share. The index is
 * {@code META-INF/reform-targets/precompiled/<family>/<YYYY>.idx}, UTF-8, one tab-separated
 * record per line.
 *
 * <p>Setting the system property {@value #PROPERTY} to {@code false} makes every rule set compile
 * from DRL.
 */
public final class PrecompiledModel {

    /** The system property that, set to {@code false}, turns the precompiled models off. */
    public static final String PROPERTY = "reformtargets.precompiled";

    private static final String ROOT = "META-INF/reform-targets/precompiled/";
    private static final String FORMAT = "1";
    private static final String HEADER = "# reform-targets precompiled rule set, generated when the rules jar was built";
    private static final Pattern PACKAGE = Pattern.compile(
            "(?m)^([ \\t]*package[ \\t]+)([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*)");

    private final String id;
    private final String contentHash;
    private final String droolsVersion;
    private final List<String> models;
    private final Map<String, String> fileOfRule;

    /**
     * A model as the build step describes it.
     *
     * @param id            the rule set id
     * @param contentHash   {@link HashingFiles#sha256()} of the files the model was generated from
     * @param droolsVersion the Drools version that generated it
     * @param models        the generated {@link Model} classes, by name
     * @param fileOfRule    for each rule, by {@link #key} of its (renamed) package and name, the
     *                      file it came from as a manifest names it: {@code tasks.drl}, or
     *                      {@code ../common/yearly.drl} for a shared file
     */
    public PrecompiledModel(String id, String contentHash, String droolsVersion, List<String> models,
                            Map<String, String> fileOfRule) {
        this.id = id;
        this.contentHash = contentHash;
        this.droolsVersion = droolsVersion;
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
        List<String> models = new ArrayList<>();
        Map<String, String> fileOfRule = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", -1);
            switch (parts[0]) {
                case "model" -> models.add(parts[1]);
                case "rule" -> {
                    if (parts.length != 4) {
                        return null;
                    }
                    fileOfRule.put(Run.key(parts[1], parts[2]), parts[3]);
                }
                default -> {
                    if (parts.length != 2) {
                        return null;
                    }
                    fields.put(parts[0], parts[1]);
                }
            }
        }
        if (!FORMAT.equals(fields.get("format")) || fields.get("id") == null || fields.get("contentHash") == null
                || models.isEmpty() || fileOfRule.isEmpty()) {
            return null;
        }
        return new PrecompiledModel(fields.get("id"), fields.get("contentHash"), fields.get("drools"), models, fileOfRule);
    }

    /** The index as the build step writes it. */
    public String render() {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        s.append("format\t").append(FORMAT).append('\n');
        s.append("id\t").append(field(id)).append('\n');
        s.append("contentHash\t").append(field(contentHash)).append('\n');
        s.append("drools\t").append(field(droolsVersion)).append('\n');
        for (String m : models) {
            s.append("model\t").append(field(m)).append('\n');
        }
        for (Map.Entry<String, String> r : fileOfRule.entrySet()) {
            String[] key = r.getKey().split("\u0000", 2);
            s.append("rule\t").append(field(key[0])).append('\t').append(field(key[1])).append('\t')
                    .append(field(r.getValue())).append('\n');
        }
        return s.toString();
    }

    private static String field(String value) {
        if (value == null || value.indexOf('\t') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("cannot be written to a precompiled index: '" + value + "'");
        }
        return value;
    }

    /** The key of the rule {@code name} of package {@code pkg} in {@link #fileOfRule()}. */
    public static String key(String pkg, String name) {
        return Run.key(pkg, name);
    }

    /** The rule set id. */
    public String id() {
        return id;
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
